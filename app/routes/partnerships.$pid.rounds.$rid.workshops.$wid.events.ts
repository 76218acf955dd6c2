import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipRole } from "../access/partnership.server";
import { getWorkshop, loadProjectorState, onWorkshopChange, workshopVersion } from "../models/workshop.server";
import { liveStateStream } from "../sse.server";

/**
 * The projector's live stream: the full state on (re)connection, then again on every change
 * (every change bumps the database version). Ratings are in it only once revealed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "facilitator");
  const workshop = await getWorkshop(db, {
    partnershipId: partnership.id,
    roundId: params.rid!,
    workshopId: params.wid!,
  });
  if (!workshop) throw new Response("Workshop not found.", { status: 404 });
  return liveStateStream(request, {
    load: () => loadProjectorState(db, workshop.id),
    signature: (state) => String(state.version),
    id: (state) => String(state.version),
    subscribe: (changed) => onWorkshopChange(workshop.id, changed),
    poll: () => workshopVersion(db, workshop.id),
    pollMs: 1000,
    isFinal: (state) => state.status === "ended",
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadParticipantState, onWorkshopChange, touchParticipant, workshopVersion } from "../models/workshop.server";
import { liveStateStream } from "../sse.server";
import { requireJoinableWorkshop } from "../access/workshop.server";

/**
 * A phone's live stream: the current component, whether voting is open, and the phone's own
 * vote. Other people's votes never reach it, and do not wake it: only the facilitator's
 * changes and this participant's own votes do.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop, participant } = await requireJoinableWorkshop(request, params.code, { allowEnded: true });
  if (!participant) throw new Response("Join the workshop first.", { status: 403 });
  await touchParticipant(db, participant.id);
  return liveStateStream(request, {
    load: () => loadParticipantState(db, { workshopId: workshop.id, participantId: participant.id }),
    // The version moves with everyone's votes; only what this phone shows counts as a change.
    signature: (state) => JSON.stringify({ ...state, version: 0 }),
    subscribe: (changed) =>
      onWorkshopChange(workshop.id, (change) => {
        if (change.kind === "control" || (change.kind === "vote" && change.participantId === participant.id)) changed();
      }),
    poll: () => workshopVersion(db, workshop.id),
    pollMs: 2000,
    isFinal: (state) => state.status === "ended",
  });
}

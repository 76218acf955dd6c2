import { readCookie } from "../auth.server";
import { requirePartnershipRole } from "./partnership.server";
import { getDb } from "../db.server";
import { normaliseJoinCode } from "../domain/workshop";
import { findParticipant, findWorkshopByCode, getWorkshop, loadWorkshopSummary } from "../models/workshop.server";
import { getRound } from "../models/round.server";
import { clientKey, rateLimit } from "./rate-limit.server";

/**
 * Authorises and loads a workshop's summary. Facilitators and leads see it at any time;
 * viewers once the session has ended, so nobody outside the room sees ratings the facilitator
 * has not yet revealed.
 */
export async function requireWorkshopSummary(request: Request, params: { pid?: string; rid?: string; wid?: string }) {
  const { db, partnership, role } = await requirePartnershipRole(request, params.pid!, "viewer");
  const summary = await loadWorkshopSummary(db, {
    partnershipId: partnership.id,
    roundId: params.rid!,
    workshopId: params.wid!,
  });
  if (!summary) throw new Response("Workshop not found.", { status: 404 });
  if (role === "viewer" && summary.workshop.status !== "ended") {
    throw new Response("The summary is shared once the facilitator ends the session.", { status: 403 });
  }
  return summary;
}

/**
 * Authorises a facilitator (or lead) for one workshop of the partnership's round and loads it:
 * the console, the projector screen and their live stream. 404 for anyone else.
 */
export async function requireFacilitatedWorkshop(
  request: Request,
  params: { pid?: string; rid?: string; wid?: string },
) {
  const auth = await requirePartnershipRole(request, params.pid!, "facilitator");
  const round = await getRound(auth.db, { partnershipId: auth.partnership.id, roundId: params.rid! });
  const workshop = round
    ? await getWorkshop(auth.db, { partnershipId: auth.partnership.id, roundId: round.id, workshopId: params.wid! })
    : undefined;
  if (!round || !workshop) throw new Response("Workshop not found.", { status: 404 });
  return { ...auth, round, workshop };
}

/** Wrong join codes: 20 per client per 15 minutes, then refused (31^6 codes make guessing hopeless). */
export const JOIN_CODE_MISSES = { purpose: "workshop-code-miss", limit: 20, windowMs: 15 * 60_000 } as const;
/**
 * Joins per client: generous, because a whole room often shares one address (venue Wi-Fi
 * behind one router), but enough to stop a script filling a session with fake participants.
 */
export const JOINS = { purpose: "workshop-join", limit: 300, windowMs: 10 * 60_000 } as const;
/** Votes per participant: changing one's mind is fine, hammering the server is not. */
export const VOTES = { purpose: "workshop-vote", limit: 120, windowMs: 60_000 } as const;

/** The participant's cookie: a random token per workshop, http-only; the database has only its hash. */
export const participantCookieName = (workshopId: string) => `wsp_${workshopId}`;
export const PARTICIPANT_COOKIE_SECONDS = 24 * 3600;

export const ENDED_MESSAGE = "This workshop has ended, so its code no longer works. Thank you for taking part.";

/** The session a code opens, or a thrown 404/410/429 with a message a participant can act on. */
export async function requireJoinableWorkshop(
  request: Request,
  rawCode: string | undefined,
  options: { allowEnded?: boolean } = {},
) {
  const code = normaliseJoinCode(rawCode ?? "");
  const db = await getDb();
  const workshop = code ? await findWorkshopByCode(db, code) : undefined;
  if (!code || !workshop) {
    // Only wrong codes are counted and refused: a right code, and a participant who has
    // joined, always get through, whoever else shares their address.
    const client = clientKey(request);
    if (!(await rateLimit(JOIN_CODE_MISSES.purpose, client, JOIN_CODE_MISSES.limit, JOIN_CODE_MISSES.windowMs)).ok) {
      throw new Response("Too many wrong codes from this device. Wait 15 minutes and try again.", { status: 429 });
    }
    throw new Response("No workshop has that code. Check the code on the screen and try again.", { status: 404 });
  }
  if (workshop.status === "ended" && !options.allowEnded) throw new Response(ENDED_MESSAGE, { status: 410 });
  const token = await readCookie(request, participantCookieName(workshop.id));
  const participant = token ? await findParticipant(db, { workshopId: workshop.id, token }) : undefined;
  return { db, code, workshop, participant };
}

import { readCookie } from "../auth.server";
import { sha256 } from "../crypto.server";
import { getDb } from "../db.server";
import {
  findInvitation,
  findResponseByResumeToken,
  findResponseWithAnswers,
  invitationTokenOf,
  type AnswerValue,
} from "../models/response.server";
import { roundAcceptsAnswers } from "../models/round.server";
import { clientKey, INVITATION_GUESSES, rateLimit } from "./rate-limit.server";

/** The respondent's resume cookie, one per invitation link. */
export const resumeCookieName = (token: string) => `resume_${sha256(token).slice(0, 16)}`;
export const RESUME_COOKIE_DAYS = 60;

/** How a refusal is answered: a page throws text (GeneralErrorBoundary shows it), the JSON API its problem body. */
type Refuse = (status: number, message: string) => Response;
const asText: Refuse = (status, message) => new Response(message, { status });

const TOO_MANY = "Too many wrong links from this device. Try again in 15 minutes.";

/**
 * A wrong link: counted against the client's address, and 429 once it has guessed too many.
 * Only unknown links are counted or refused: a valid link always works, so people sharing an
 * address with a guesser (a school, a trust behind one proxy) are never locked out.
 */
async function wrongLink(request: Request, refuse: Refuse, status: number, message: string): Promise<Response> {
  const { purpose, limit, windowMs } = INVITATION_GUESSES;
  if (!(await rateLimit(purpose, clientKey(request), limit, windowMs)).ok) return refuse(429, TOO_MANY);
  return refuse(status, message);
}

/**
 * The one invitation check of the respondent's pages and API: a valid, unrevoked link to a
 * round open today, and the respondent's own saved response (from the resume cookie of this
 * link) if any, with its stored answers (`answers`: empty when there is none). Wrong links
 * count against the client (30 per 15 minutes, then 429 for further wrong links only); an
 * unknown or revoked link is 404, a round not open 410.
 *
 * @example
 * const { db, invitation, response } = await requireOpenInvitation(request, params.token ?? "");
 */
export async function requireOpenInvitation(request: Request, token: string, refuse: Refuse = asText) {
  const db = await getDb();
  const invitation = await findInvitation(db, token);
  if (!invitation || invitation.revoked_at) {
    throw await wrongLink(
      request,
      refuse,
      404,
      "This link is not valid. Check that you copied all of it, or ask the person who sent it for a new one.",
    );
  }
  const open = roundAcceptsAnswers(invitation);
  if (!open.ok) throw refuse(410, open.reason);
  const resumeToken = await readCookie(request, resumeCookieName(token));
  const found = resumeToken ? await findResponseWithAnswers(db, resumeToken) : undefined;
  const mine = found && found.response.invitation_id === invitation.id ? found : null;
  const answers: Record<string, AnswerValue> = mine?.answers ?? {};
  return { db, invitation, response: mine?.response ?? null, answers };
}

/** A resume link: the invitation token it leads back to (404, counted as a wrong link, when unknown or replaced). */
export async function requireResumeLink(request: Request, resumeToken: string): Promise<{ invitationToken: string }> {
  const db = await getDb();
  const response = await findResponseByResumeToken(db, resumeToken);
  const invitationToken = response?.invitation_id ? await invitationTokenOf(db, response.invitation_id) : undefined;
  if (!invitationToken)
    throw await wrongLink(request, asText, 404, "This resume link is not valid or has been replaced by a newer one.");
  return { invitationToken };
}

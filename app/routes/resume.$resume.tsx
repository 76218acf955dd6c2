import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { cookieHeader } from "../auth.server";
import { getDb } from "../db.server";
import { clientKey, INVITATION_GUESSES, rateLimit, tooManyFailures } from "../access/rate-limit.server";
import { findResponseByResumeToken } from "../models/response.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { resumeCookieName } from "./api.responses.$token";

/** A resume link carries a respondent to their saved answers on another device. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const client = clientKey(request);
  if (tooManyFailures(INVITATION_GUESSES.purpose, client, INVITATION_GUESSES.limit)) {
    throw new Response("Too many wrong links from this device. Try again in 15 minutes.", { status: 429 });
  }
  const db = await getDb();
  const response = await findResponseByResumeToken(db, params.resume ?? "");
  if (!response?.invitation_id) {
    rateLimit(INVITATION_GUESSES.purpose, client, INVITATION_GUESSES.limit, INVITATION_GUESSES.windowMs);
    throw new Response("This resume link is not valid or has been replaced by a newer one.", { status: 404 });
  }
  const invitation = await db.selectFrom("invitations").select("token").where("id", "=", response.invitation_id).executeTakeFirstOrThrow();
  return redirect(`/s/${invitation.token}`, {
    headers: { "Set-Cookie": cookieHeader(request, resumeCookieName(invitation.token), params.resume ?? "", 60 * 86400) },
  });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireOpenInvitation, resumeCookieName, RESUME_COOKIE_DAYS } from "../access/invitation.server";
import { cookieHeader } from "../auth.server";
import { validateAnswers } from "../domain/questionnaire";
import { fieldErrors } from "../components/forms";
import { problem } from "../http.server";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { rotateResumeToken, saveResponse } from "../models/response.server";

const SaveSchema = z.object({
  intent: z.enum(["save", "submit", "resume_link"]),
  answers: z.record(z.unknown()).default({}),
  currentPage: z.number().int().min(0).max(200).default(0),
});

/**
 * Autosave, submission and resume links for one invitation. The body is JSON; everything is
 * checked against the round's questionnaire before a byte is written.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem(405, "Use POST.");
  const token = params.token ?? "";
  const { db, invitation, response: existing } = await requireOpenInvitation(request, token, problem);

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, "The answers could not be read: the request body must be JSON.");
  }
  const parsed = SaveSchema.safeParse(body);
  if (!parsed.success) {
    return problem(
      400,
      "The request is not in the expected shape.",
      fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.length ? i.path : ["body"], message: i.message }))),
    );
  }
  const { intent, answers, currentPage } = parsed.data;

  if (intent === "resume_link") {
    if (!existing) return problem(409, "Answer at least one question before asking for a resume link.");
    if (existing.status === "submitted") return problem(409, "These answers have already been submitted.");
    const fresh = await rotateResumeToken(db, existing.id);
    return Response.json(
      { ok: true, resumeUrl: new URL(`/resume/${fresh}`, request.url).toString() },
      {
        headers: {
          "Set-Cookie": await cookieHeader(request, resumeCookieName(token), fresh, RESUME_COOKIE_DAYS * 86400),
        },
      },
    );
  }

  if (!existing && Object.keys(answers).length === 0) {
    return problem(400, "Answer at least one question before saving.");
  }
  const agencies = await listAgencies(db, invitation.partnershipId);
  const questionnaire = questionnaireFor(invitation, agencies, invitation.kind);
  const checked = validateAnswers(questionnaire, answers);
  if (!checked.ok)
    return problem(
      422,
      "Some answers are not valid. Nothing was saved.",
      fieldErrors(checked.errors.map((e) => ({ path: [e.key], message: e.message }))),
    );

  const outcome = await db.transaction().execute((trx) =>
    saveResponse(trx, {
      invitation,
      existing,
      answers: checked.answers,
      currentPage,
      submit: intent === "submit",
    }),
  );
  if (outcome.status === "already_submitted") {
    // A retry or a double click: the response is stored once, and the client is told so.
    if (intent === "submit") return Response.json({ ok: true, submitted: true, duplicate: true });
    return problem(409, "These answers have already been submitted and can no longer be changed.");
  }
  const headers = new Headers();
  if (outcome.resumeToken) {
    headers.set(
      "Set-Cookie",
      await cookieHeader(request, resumeCookieName(token), outcome.resumeToken, RESUME_COOKIE_DAYS * 86400),
    );
  }
  return Response.json(
    {
      ok: true,
      savedAt: outcome.response.updated_at,
      submitted: outcome.response.status === "submitted",
      saved: Object.keys(checked.answers).length,
    },
    { headers },
  );
}

export async function loader() {
  return problem(405, "Use POST to save answers.");
}

import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireOpenInvitation, resumeCookieName, RESUME_COOKIE_DAYS } from "../access/invitation.server";
import { cookieHeader } from "../auth.server";
import { validateAnswers } from "../domain/questionnaire";
import { fieldErrors } from "../components/forms";
import { problem } from "../http.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { rotateResumeToken, saveResponse, type AnswerChanges, type AnswerValue } from "../models/response.server";

/**
 * A save carries either the full answer set (`answers`) or, lean, the changes since the last
 * acknowledged save (`changes`: null clears an answer) with `baseVersion`, the version that
 * save returned (0 before the first). Values are checked against the questionnaire below.
 */
const SaveSchema = z
  .object({
    intent: z.enum(["save", "submit", "resume_link"]),
    answers: z.record(z.unknown()).optional(),
    changes: z.record(z.unknown()).optional(),
    baseVersion: z.number().int().min(0).optional(),
    currentPage: z.number().int().min(0).max(200).default(0),
  })
  .refine((b) => !(b.answers && b.changes), { message: "Send either answers or changes, not both." })
  .refine((b) => (b.changes === undefined) === (b.baseVersion === undefined), {
    message: "Changes need the baseVersion they were made from.",
  });

/**
 * Autosave, submission and resume links for one invitation. The body is JSON; everything is
 * checked against the round's questionnaire before a byte is written.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem(405, "Use POST.");
  const token = params.token ?? "";
  const { db, invitation, response: existing, answers: stored } = await requireOpenInvitation(request, token, problem);

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
  const { intent, currentPage, baseVersion } = parsed.data;
  const changes = parsed.data.changes as Record<string, AnswerValue | null> | undefined;
  const answers = parsed.data.answers ?? {};

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

  const given = changes ? Object.values(changes).filter((v) => v !== null) : Object.keys(answers);
  if (!existing && given.length === 0) {
    return problem(400, "Answer at least one question before saving.");
  }
  const agencies = invitation.agencies;
  const questionnaire = questionnaireFor(invitation, agencies, invitation.kind, invitation.agency_id);
  // The whole set after the changes is checked (a change can hide other answers), before a byte is written.
  const check = (all: Record<string, unknown>) => validateAnswers(questionnaire, all);
  const base = { invitation, existing, existingAnswers: stored, currentPage, submit: intent === "submit", check };
  // Values that are neither text nor numbers are refused by the check, with the question named.
  const outcome = await saveResponse(
    db,
    changes && baseVersion !== undefined
      ? { ...base, changes: changes as AnswerChanges, baseVersion }
      : { ...base, answers: answers as Record<string, AnswerValue> },
  );
  if (outcome.status === "invalid")
    return problem(
      422,
      "Some answers are not valid. Nothing was saved.",
      fieldErrors(outcome.errors.map((e) => ({ path: [e.key], message: e.message }))),
    );
  if (outcome.status === "conflict") {
    // A retried or out-of-order save: the client sends its full set instead.
    return Response.json(
      {
        ok: false,
        conflict: "version",
        version: outcome.version,
        message: "These changes were made from an older copy of your answers. Nothing was saved.",
      },
      { status: 409 },
    );
  }
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
      version: outcome.response.version,
      written: outcome.written,
      dropped: outcome.dropped,
    },
    { headers },
  );
}

export async function loader() {
  return problem(405, "Use POST to save answers.");
}

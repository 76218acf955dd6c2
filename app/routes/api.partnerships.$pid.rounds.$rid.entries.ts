import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { fieldErrors } from "../components/forms";
import { inTransaction } from "../db.server";
import { STAFF_ENTRY_MODES } from "../domain/entry-modes";
import { validateAnswers } from "../domain/questionnaire";
import { problem } from "../http.server";
import { audit, listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { saveEnteredResponse } from "../models/reach.server";
import { getRound } from "../models/round.server";

const QuerySchema = z.object({
  kind: z.enum(["professional", "family"]),
  mode: z.enum(STAFF_ENTRY_MODES),
});
// The runner's body: only a submission is stored (staff enter a form in one sitting; the
// answers wait on the device until then, so nothing half-entered reaches the round).
const BodySchema = z.object({
  intent: z.enum(["save", "submit"]),
  answers: z.record(z.unknown()).default({}),
  currentPage: z.number().int().min(0).max(200).optional(),
});

/**
 * A paper or assisted response entered by a lead or facilitator (issue 24), checked against the
 * round's questionnaire exactly as a respondent's answers are. The person who entered it is
 * never stored with it: the audit log records that a response of this mode was entered in the
 * round, with no user and no response id.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem(405, "Use POST.");
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "facilitator");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) return problem(404, "Round not found.");
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return problem(400, "Say which questionnaire (kind) and how it was answered (mode).");
  const { kind, mode } = query.data;
  if (round.status !== "open") return problem(409, "The round is closed: it takes no more responses.");
  if (kind === "family" && !round.include_family) return problem(404, "This round has no family-voice questionnaire.");

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, "The answers could not be read: the request body must be JSON.");
  }
  const parsed = BodySchema.safeParse(body);
  if (!parsed.success) return problem(400, "The request is not in the expected shape.");
  if (parsed.data.intent === "save") return Response.json({ ok: true, saved: 0 });
  const questionnaire = questionnaireFor(round, await listAgencies(db, partnership.id), kind);
  const checked = validateAnswers(questionnaire, parsed.data.answers);
  if (!checked.ok) {
    return problem(
      422,
      "Some answers are not valid. Nothing was saved.",
      fieldErrors(checked.errors.map((e) => ({ path: [e.key], message: e.message }))),
    );
  }
  if (Object.keys(checked.answers).length === 0) return problem(400, "Enter at least one answer before submitting.");
  await inTransaction(db, async (trx) => {
    await saveEnteredResponse(trx, { round, kind, mode, answers: checked.answers });
    await audit(trx, {
      userId: null,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "response.entered_by_staff",
      detail: `A ${mode} ${kind === "family" ? "family-voice" : "professional"} response was entered`,
    });
  });
  return Response.json({ ok: true, submitted: true });
}

export async function loader() {
  return problem(405, "Use POST to enter a response.");
}

import type { Db } from "../db.server";
import type { Round } from "../../db/schema";
import { COMPONENTS } from "../domain/framework";
import { scoreDeepDive, type DeepDiveReport } from "../domain/deep-dive";
import { SURVEYS } from "./questionnaire.server";
import { loadSubmittedResponses } from "./results.server";
import { roundDeepDiveModules } from "./round.server";

export type { DeepDiveReport } from "../domain/deep-dive";

/**
 * The deep-dive items a round asked, item by item per component (suppressed below the round's
 * threshold), from the responses submitted by the time the round's shown snapshot was published
 * (`publishedAt`), so that they change only when the published figures do (issue 13). Empty
 * before any snapshot, when the round added no module, or when its raw answers were deleted.
 */
export async function deepDiveReport(
  db: Db,
  round: Pick<Round, "id" | "form" | "suppression_threshold" | "deep_dive_modules" | "answers_purged_at">,
  publishedAt: string | null,
): Promise<DeepDiveReport[]> {
  const modules = roundDeepDiveModules(round);
  if (modules.length === 0 || round.answers_purged_at || publishedAt === null) return [];
  const published = new Set(
    (
      await db
        .selectFrom("responses")
        .select("id")
        .where("round_id", "=", round.id)
        .where("status", "=", "submitted")
        .where("submitted_at", "<=", publishedAt)
        .execute()
    ).map((r) => r.id),
  );
  const responses = (await loadSubmittedResponses(db, { roundId: round.id, form: round.form })).filter((r) =>
    published.has(r.id),
  );
  const byComponent = scoreDeepDive({
    deepDive: SURVEYS.deepDive,
    modules,
    answers: responses.filter((r) => r.questionnaire !== "family").map((r) => r.answers),
    threshold: round.suppression_threshold,
  });
  return COMPONENTS.flatMap((c) =>
    byComponent[c.key] ? [{ component: c.key, name: c.name, items: byComponent[c.key]! }] : [],
  );
}

/**
 * A closed round of `count` generated, submitted professional responses (demo answers), for
 * npm run bench and scripts/bench-snapshot.ts.
 */
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import { now } from "../app/db.server";
import { sha256 } from "../app/crypto.server";
import { demoAnswers, seededRandom } from "../app/domain/demo-answers";
import type { SurveyJson } from "../app/domain/instrument";
import type { Database } from "../db/schema";

/** Inserts `count` submitted responses into a new round, quickly (batched, in transactions). */
export async function generateRound(
  db: Kysely<Database>,
  partnershipId: string,
  survey: SurveyJson,
  agencies: { id: string }[],
  count: number,
  /** Teams of the agencies: each respondent of an agency with teams is in one of them. */
  teams: { id: string; agencyId: string }[] = [],
) {
  const roundId = crypto.randomUUID();
  const at = now();
  await db
    .insertInto("rounds")
    .values({
      id: roundId,
      partnership_id: partnershipId,
      name: `Bench ${count}`,
      form: "full",
      include_continuum: 1,
      include_family: 0,
      opens_on: "2026-01-01",
      closes_on: "2026-12-31",
      status: "closed",
      suppression_threshold: 5,
      created_at: at,
      closed_at: at,
    })
    .execute();
  const random = seededRandom(count);
  const teamOf = (agencyId: string | null, i: number) => {
    const mine = teams.filter((t) => t.agencyId === agencyId);
    return mine.length ? mine[i % mine.length]!.id : null;
  };
  for (let start = 0; start < count; start += 250) {
    await db.transaction().execute(async (trx) => {
      const answers: Database["answers"][] = [];
      const responses = [];
      for (let i = start; i < Math.min(count, start + 250); i++) {
        const id = crypto.randomUUID();
        const a = demoAnswers(survey, random, { agencies });
        responses.push({
          id,
          round_id: roundId,
          invitation_id: null,
          kind: "professional" as const,
          resume_hash: sha256(id),
          respondent_level: String(a.respondent_level),
          agency_type: String(a.respondent_agency_type),
          agency_id:
            typeof a.respondent_agency === "string" && a.respondent_agency !== "none" ? a.respondent_agency : null,
          family_group: null,
          team_id: teamOf(typeof a.respondent_agency === "string" ? a.respondent_agency : null, i),
          status: "submitted" as const,
          current_page: 0,
          created_at: at,
          updated_at: at,
          submitted_at: at,
        });
        for (const [k, v] of Object.entries(a))
          answers.push({
            response_id: id,
            item_key: k,
            value: JSON.stringify(v),
            numeric: typeof v === "number" ? v : null,
            updated_at: at,
          });
      }
      await trx.insertInto("responses").values(responses).execute();
      for (let j = 0; j < answers.length; j += 2000)
        await trx
          .insertInto("answers")
          .values(answers.slice(j, j + 2000))
          .execute();
    });
  }
  return roundId;
}

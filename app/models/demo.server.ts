import { agencyInputs } from "./report.server";
import { takeSnapshot } from "./snapshot.server";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { demoAnswers, seededRandom } from "../domain/demo-answers";
import { hashPassword, newId } from "../crypto.server";
import { createPartnership, listAgencies, setMemberRole } from "./partnership.server";
import { questionnaireFor } from "./questionnaire.server";
import { createRound, listInvitations, setRoundStatus } from "./round.server";
import { saveResponse } from "./response.server";

export const DEMO_PARTNERSHIP_NAME = "Northshire Children's Partnership (demo)";
/** The demo's lead, so a newcomer can see the lead's pages and the results at once. */
export const DEMO_LEAD = {
  email: "demo-lead@example.org",
  password: "demo-lead-password",
  name: "Dana Demo (demo lead)",
};

/**
 * Seeds one demo partnership with an open round, so a person who has just cloned the repo
 * sees something real. Idempotent: does nothing when the demo partnership exists.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: { responses?: boolean } = {},
): Promise<{ created: boolean; partnershipId: string }> {
  const existing = await db.selectFrom("partnerships").select("id").where("is_demo", "=", 1).executeTakeFirst();
  if (existing) return { created: false, partnershipId: existing.id };
  return db.transaction().execute(async (trx) => {
    const partnershipId = await createPartnership(trx, {
      name: DEMO_PARTNERSHIP_NAME,
      area: "Northshire",
      localAuthority: "Northshire County Council",
      isDemo: true,
      leadUserId: null,
      agencies: [
        { name: "Northshire Children's Social Care", type: "social_work" },
        { name: "Northshire Community Health NHS Trust", type: "health" },
        { name: "Northshire Schools and Inclusion", type: "education" },
        { name: "Northshire Police", type: "police" },
        { name: "Northshire Homes", type: "housing" },
        { name: "Northshire Family Support (voluntary sector)", type: "voluntary" },
      ],
    });
    const today = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const daysAgo = (n: number) => iso(new Date(today.getTime() - n * 86400_000));
    if (options.responses) {
      // Last year's round, closed, so the demo can show change over time.
      const lastYear = await createRound(trx, {
        partnershipId,
        name: "Last year's round",
        form: "full",
        includeContinuum: true,
        includeFamily: true,
        opensOn: daysAgo(400),
        closesOn: daysAgo(340),
        suppressionThreshold: 5,
      });
      await answerDemoRound(trx, partnershipId, lastYear, { professional: 28, family: 9, seed: 2025, better: -0.08 });
      await setRoundStatus(trx, { partnershipId, roundId: lastYear, status: "closed" });
      await publishDemoSnapshot(trx, partnershipId, lastYear, "final");
    }
    const current = await createRound(trx, {
      partnershipId,
      name: "Demo round",
      form: "full",
      includeContinuum: true,
      includeFamily: true,
      opensOn: iso(new Date(today.getTime() - 30 * 86400_000)),
      closesOn: iso(new Date(today.getTime() + 365 * 86400_000)),
      suppressionThreshold: 5,
    });
    if (options.responses) {
      await answerDemoRound(trx, partnershipId, current, { professional: 34, family: 11, seed: 2026, better: 0 });
      // An interim snapshot, so that the demo's results can be seen at once.
      await publishDemoSnapshot(trx, partnershipId, current, "interim");
      const leadId = newId();
      await trx
        .insertInto("users")
        .values({
          id: leadId,
          email: DEMO_LEAD.email,
          name: DEMO_LEAD.name,
          password_hash: await hashPassword(DEMO_LEAD.password),
          is_admin: 0,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      const lead = await trx
        .selectFrom("users")
        .select("id")
        .where("email", "=", DEMO_LEAD.email)
        .executeTakeFirstOrThrow();
      await setMemberRole(trx, { partnershipId, userId: lead.id, role: "lead" });
    }
    return { created: true, partnershipId };
  });
}

/** The demo round's invitation links, for the home page. */
export function demoInvitations(db: Kysely<Database>) {
  return db
    .selectFrom("invitations")
    .innerJoin("rounds", "rounds.id", "invitations.round_id")
    .innerJoin("partnerships", "partnerships.id", "rounds.partnership_id")
    .select([
      "invitations.token",
      "invitations.kind",
      "rounds.name as roundName",
      "partnerships.name as partnershipName",
    ])
    .where("partnerships.is_demo", "=", 1)
    .where("rounds.status", "=", "open")
    .orderBy("invitations.created_at")
    .execute();
}

async function publishDemoSnapshot(
  db: Kysely<Database> | import("kysely").Transaction<Database>,
  partnershipId: string,
  roundId: string,
  kind: "interim" | "final",
) {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  await takeSnapshot(db, { round, kind, agencies: await agencyInputs(db, partnershipId) });
}

/** Submits generated answers to a demo round through the same path as real respondents. */
async function answerDemoRound(
  db: Kysely<Database> | import("kysely").Transaction<Database>,
  partnershipId: string,
  roundId: string,
  plan: { professional: number; family: number; seed: number; better: number },
) {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const agencies = await listAgencies(db, partnershipId);
  const invitations = await listInvitations(db, roundId);
  const random = seededRandom(plan.seed);
  const lean = { resources: 0.25 + plan.better, information: 0.3 + plan.better * 2, workforce: 0.35 + plan.better };
  for (const kind of ["professional", "family"] as const) {
    const invitation = invitations.find((i) => i.kind === kind);
    if (!invitation) continue;
    const survey = questionnaireFor(round, agencies, kind);
    for (let i = 0; i < plan[kind]; i++) {
      const answers = demoAnswers(survey, random, { agencies, lean });
      await saveResponse(db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    }
  }
}

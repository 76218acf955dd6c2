import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { createPartnership } from "./partnership.server";
import { createRound } from "./round.server";

export const DEMO_PARTNERSHIP_NAME = "Northshire Children's Partnership (demo)";

/**
 * Seeds one demo partnership with an open round, so a person who has just cloned the repo
 * sees something real. Idempotent: does nothing when the demo partnership exists.
 */
export async function seedDemo(db: Kysely<Database>): Promise<{ created: boolean; partnershipId: string }> {
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
    await createRound(trx, {
      partnershipId,
      name: "Demo round",
      form: "full",
      includeContinuum: true,
      includeFamily: true,
      opensOn: iso(new Date(today.getTime() - 30 * 86400_000)),
      closesOn: iso(new Date(today.getTime() + 365 * 86400_000)),
      suppressionThreshold: 5,
    });
    return { created: true, partnershipId };
  });
}

/** The demo round's invitation links, for the home page. */
export function demoInvitations(db: Kysely<Database>) {
  return db
    .selectFrom("invitations")
    .innerJoin("rounds", "rounds.id", "invitations.round_id")
    .innerJoin("partnerships", "partnerships.id", "rounds.partnership_id")
    .select(["invitations.token", "invitations.kind", "rounds.name as roundName", "partnerships.name as partnershipName"])
    .where("partnerships.is_demo", "=", 1)
    .where("rounds.status", "=", "open")
    .orderBy("invitations.created_at")
    .execute();
}

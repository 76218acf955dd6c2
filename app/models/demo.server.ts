import { agencyInputs } from "./report.server";
import { takeSnapshot } from "./snapshot.server";
import type { Kysely } from "kysely";
import type { Db } from "../db.server";
import type { Database } from "../../db/schema";
import { demoAnswers, seededRandom } from "../domain/demo-answers";
import { hashPassword, newId } from "../crypto.server";
import { createPartnership, listAgencies, setMemberRole } from "./partnership.server";
import { questionnaireFor } from "./questionnaire.server";
import { createRound, listInvitations, setRoundStatus } from "./round.server";
import { saveResponse } from "./response.server";
import { COMPONENT_KEYS, type AgencyTypeKey, type ComponentKey } from "../domain/framework";
import { grantCommissioner } from "./commissioner.server";
import { grantNationalViewer, setNationalSharing } from "./national.server";

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
  const existing = await db
    .selectFrom("partnerships")
    .select("id")
    .where("is_demo", "=", 1)
    .where("name", "=", DEMO_PARTNERSHIP_NAME)
    .executeTakeFirst();
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
  at?: string,
) {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  await takeSnapshot(db, { round, kind, agencies: await agencyInputs(db, partnershipId), at });
}

/** Submits generated answers to a demo round through the same path as real respondents. */
async function answerDemoRound(
  db: Kysely<Database> | import("kysely").Transaction<Database>,
  partnershipId: string,
  roundId: string,
  plan: {
    professional: number;
    family: number;
    seed: number;
    better: number;
    lean?: Partial<Record<ComponentKey, number>>;
    continuumShift?: number;
    targetStages?: readonly number[];
  },
) {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const agencies = await listAgencies(db, partnershipId);
  const invitations = await listInvitations(db, roundId);
  const random = seededRandom(plan.seed);
  const lean = plan.lean ?? {
    resources: 0.25 + plan.better,
    information: 0.3 + plan.better * 2,
    workforce: 0.35 + plan.better,
  };
  for (const kind of ["professional", "family"] as const) {
    const invitation = invitations.find((i) => i.kind === kind);
    if (!invitation) continue;
    const survey = questionnaireFor(round, agencies, kind);
    for (let i = 0; i < plan[kind]; i++) {
      const answers = demoAnswers(survey, random, {
        agencies,
        lean,
        continuumShift: plan.continuumShift,
        targetStages: plan.targetStages,
      });
      await saveResponse(db, { invitation, existing: null, answers, currentPage: 0, submit: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Demo areas for the national and commissioner views (issue 18, point 5)
// ---------------------------------------------------------------------------------------------

/** The demo's commissioner: the demo areas are shared with them. */
export const DEMO_COMMISSIONER = {
  email: "demo-commissioner@example.org",
  password: "demo-commissioner-password",
  name: "Cass Demo (demo commissioner)",
};
/** The demo's national viewer: sees the areas that share nationally. */
export const DEMO_NATIONAL_VIEWER = {
  email: "demo-national@example.org",
  password: "demo-national-password",
  name: "Nat Demo (demo national viewer)",
};

interface DemoArea {
  area: string;
  /** How well things go there overall: added to every component's lean (about -0.25 to +0.2). */
  shift: number;
  /** Professional respondents in its rounds, oldest first: one entry per round (one a year). */
  sizes: number[];
  threshold: number;
  /** Continuum markers: further along (positive) or behind. */
  continuum: number;
  targets: number[];
  agencies: AgencyTypeKey[];
  /** Consents to national sharing. */
  national: boolean;
}

/**
 * Ten fictional local authorities with varied sizes, scores, stages and agencies: most share
 * nationally (one does not), some joined later (fewer rounds), one is small enough that a round
 * is hidden by its threshold, so the views show their rules at work.
 */
export const DEMO_AREAS: readonly DemoArea[] = [
  {
    area: "Eastmere",
    shift: 0.12,
    sizes: [22, 26, 30],
    threshold: 5,
    continuum: 0.15,
    targets: [4, 4, 5],
    agencies: ["social_work", "health", "education", "police", "housing", "voluntary"],
    national: true,
  },
  {
    area: "Westbridge",
    shift: -0.18,
    sizes: [14, 18, 17],
    threshold: 5,
    continuum: -0.2,
    targets: [2, 3, 3],
    agencies: ["social_work", "health", "education", "police"],
    national: true,
  },
  {
    area: "Southholm",
    shift: 0.02,
    sizes: [30, 34, 38],
    threshold: 5,
    continuum: 0.05,
    targets: [3, 4],
    agencies: ["social_work", "health", "education", "housing", "voluntary"],
    national: true,
  },
  {
    area: "Kingsford",
    shift: -0.08,
    sizes: [12, 15, 16],
    threshold: 5,
    continuum: -0.05,
    targets: [3, 3, 4],
    agencies: ["social_work", "health", "education", "voluntary"],
    national: true,
  },
  {
    area: "Ashdale",
    shift: 0.2,
    sizes: [18, 21],
    threshold: 5,
    continuum: 0.25,
    targets: [4, 5, 5],
    agencies: ["social_work", "health", "education", "police", "voluntary"],
    national: true,
  },
  {
    area: "Riverton",
    shift: -0.25,
    sizes: [9, 12, 14],
    threshold: 5,
    continuum: -0.3,
    targets: [2, 3],
    agencies: ["social_work", "health", "education"],
    national: true,
  },
  {
    area: "Highcombe",
    shift: 0.06,
    sizes: [8, 16, 19],
    threshold: 10,
    continuum: 0,
    targets: [3, 4, 4],
    agencies: ["social_work", "health", "education", "police", "housing"],
    national: true,
  },
  {
    area: "Millbrook",
    shift: -0.02,
    sizes: [20, 24, 25],
    threshold: 5,
    continuum: 0.1,
    targets: [4],
    agencies: ["social_work", "health", "education", "housing"],
    national: true,
  },
  {
    area: "Farrowby",
    shift: -0.12,
    sizes: [16],
    threshold: 5,
    continuum: -0.1,
    targets: [3, 4],
    agencies: ["social_work", "health", "education", "police", "voluntary"],
    national: true,
  },
  {
    area: "Greyhaven",
    shift: 0.1,
    sizes: [15, 19, 22],
    threshold: 5,
    continuum: 0.05,
    targets: [4, 4, 3],
    agencies: ["social_work", "health", "education", "voluntary"],
    national: false,
  },
];

const AGENCY_NAMES: Record<AgencyTypeKey, (area: string) => string> = {
  social_work: (a) => `${a} Children's Social Care`,
  health: (a) => `${a} Community Health NHS Trust`,
  education: (a) => `${a} Schools and Inclusion`,
  police: (a) => `${a} Police`,
  housing: (a) => `${a} Homes`,
  voluntary: (a) => `${a} Family Support (voluntary sector)`,
  other: (a) => `${a} Youth Justice Service`,
};

async function ensureDemoUser(db: Db, who: { email: string; password: string; name: string }): Promise<string> {
  await db
    .insertInto("users")
    .values({
      id: newId(),
      email: who.email,
      name: who.name,
      password_hash: await hashPassword(who.password),
      is_admin: 0,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
  const row = await db.selectFrom("users").select("id").where("email", "=", who.email).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Seeds the demo areas (DEMO_AREAS: a closed round a year, answered and published as final
 * snapshots dated on each round's closing day), shares them with the demo commissioner and,
 * where they consent, nationally, and creates the demo commissioner and national viewer.
 * Idempotent: does nothing when the first demo area exists.
 */
export async function seedDemoAreas(db: Kysely<Database>): Promise<{ created: boolean; partnershipIds: string[] }> {
  const names = DEMO_AREAS.map((a) => demoAreaName(a.area));
  const existing = await db
    .selectFrom("partnerships")
    .select(["id", "name"])
    .where("is_demo", "=", 1)
    .where("name", "in", names)
    .execute();
  if (existing.length) return { created: false, partnershipIds: existing.map((e) => e.id) };
  return db.transaction().execute(async (trx) => {
    const commissionerId = await ensureDemoUser(trx, DEMO_COMMISSIONER);
    const nationalId = await ensureDemoUser(trx, DEMO_NATIONAL_VIEWER);
    await grantNationalViewer(trx, { userId: nationalId, grantedBy: null });
    const today = Date.now();
    const ids: string[] = [];
    for (const [index, area] of DEMO_AREAS.entries()) {
      const random = seededRandom(7000 + index);
      const partnershipId = await createPartnership(trx, {
        name: demoAreaName(area.area),
        area: area.area,
        localAuthority: `${area.area} Council`,
        isDemo: true,
        leadUserId: null,
        agencies: area.agencies.map((type) => ({ name: AGENCY_NAMES[type](area.area), type })),
      });
      ids.push(partnershipId);
      // Each area's own strengths and weaknesses, kept from year to year.
      const own = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, (random() - 0.5) * 0.3])) as Record<
        ComponentKey,
        number
      >;
      const rounds = area.sizes.length;
      for (const [r, size] of area.sizes.entries()) {
        const yearsAgo = rounds - 1 - r;
        // Rounds close a year apart, each area on its own day in late summer to autumn.
        const closes = new Date(today - (45 + index * 6 + yearsAgo * 365) * 86_400_000);
        const opens = new Date(closes.getTime() - 42 * 86_400_000);
        const year = closes.toISOString().slice(0, 4);
        const roundId = await createRound(trx, {
          partnershipId,
          name: `${year} round`,
          form: "full",
          includeContinuum: true,
          includeFamily: false,
          opensOn: opens.toISOString().slice(0, 10),
          closesOn: closes.toISOString().slice(0, 10),
          suppressionThreshold: area.threshold,
        });
        // Most areas get a little better each year.
        const better = r * 0.04;
        const lean = Object.fromEntries(
          COMPONENT_KEYS.map((k) => [k, Math.min(0.95, Math.max(0.05, baseLean(k) + area.shift + own[k] + better))]),
        ) as Record<ComponentKey, number>;
        await answerDemoRound(trx, partnershipId, roundId, {
          professional: size,
          family: 0,
          seed: 9000 + index * 10 + r,
          better: 0,
          lean,
          continuumShift: area.continuum + better,
          targetStages: area.targets,
        });
        await setRoundStatus(trx, { partnershipId, roundId, status: "closed" });
        const closedAt = `${closes.toISOString().slice(0, 10)}T17:00:00.000Z`;
        await trx.updateTable("rounds").set({ closed_at: closedAt }).where("id", "=", roundId).execute();
        await publishDemoSnapshot(trx, partnershipId, roundId, "final", closedAt);
      }
      await grantCommissioner(trx, { partnershipId, userId: commissionerId, grantedBy: commissionerId });
      if (area.national) await setNationalSharing(trx, { partnershipId, share: true, userId: nationalId });
    }
    // The demo partnership shares nationally too (its closed round is last year's).
    const demo = await trx
      .selectFrom("partnerships")
      .select("id")
      .where("is_demo", "=", 1)
      .where("name", "=", DEMO_PARTNERSHIP_NAME)
      .executeTakeFirst();
    if (demo) {
      await setNationalSharing(trx, { partnershipId: demo.id, share: true, userId: nationalId });
      await grantCommissioner(trx, { partnershipId: demo.id, userId: commissionerId, grantedBy: commissionerId });
    }
    return { created: true, partnershipIds: ids };
  });
}

export const demoAreaName = (area: string) => `${area} Children's Partnership (demo)`;

function baseLean(k: ComponentKey): number {
  return DEMO_BASE_LEAN[k];
}
const DEMO_BASE_LEAN: Record<ComponentKey, number> = {
  vision: 0.7,
  leadership: 0.65,
  governance: 0.6,
  resources: 0.3,
  information: 0.35,
  evaluation: 0.45,
  roles: 0.55,
  relationships: 0.7,
  joint_working: 0.55,
  workforce: 0.4,
  culture: 0.5,
  holistic: 0.55,
  participation: 0.35,
};

/** The demo accounts present in this database (a demo install), for the home page's sign-in hints. */
export async function demoAccounts(db: Db): Promise<{ role: string; email: string; password: string; to: string }[]> {
  const accounts = [
    { role: "partnership lead", ...DEMO_LEAD, to: "/partnerships" },
    { role: "commissioner", ...DEMO_COMMISSIONER, to: "/compare" },
    { role: "national viewer", ...DEMO_NATIONAL_VIEWER, to: "/national" },
  ];
  const present = new Set(
    (
      await db
        .selectFrom("users")
        .select("email")
        .where(
          "email",
          "in",
          accounts.map((a) => a.email),
        )
        .execute()
    ).map((u) => u.email),
  );
  return accounts
    .filter((a) => present.has(a.email))
    .map((a) => ({ role: a.role, email: a.email, password: a.password, to: a.to }));
}

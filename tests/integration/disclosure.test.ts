/**
 * The adversarial disclosure test (issue 13, point 7). For generated rounds with small groups
 * (1..threshold-1 people at some levels, kinds of agency and family groups; thresholds 3, 5
 * and 10), on SQLite and PostgreSQL, it publishes two successive snapshots through the real
 * snapshot path, collects every figure a lead can obtain from every view that reads a round's
 * figures and every figure a commissioner can obtain under every filter the comparison can
 * offer (listed from app/routes: a route that reads them without being listed here fails),
 * and tries differencing: every way of adding and subtracting the figures of one kind
 * (people counts; n, n x mean and sums of squares of one component), across views and across
 * both snapshots. The test knows the true people behind each figure; it fails if any
 * combination describes 1..threshold-1 people.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AGENCY_TYPE_KEYS, LEVEL_KEYS, type AgencyTypeKey, type LevelKey } from "../../app/domain/framework";
import { DONT_KNOW, readScoredItems, type FamilyGroup } from "../../app/domain/instrument";
import { liveCounts } from "../../app/domain/round-counts";
import { localText } from "../../app/domain/localised-text";
import { FILTER_VALUES, filterValue, type ComparedArea, type RespondentFilter } from "../../app/domain/compare-areas";
import { compareAreas, listSharedAreas } from "../../app/models/compare.server";
import { questionnaireFor } from "../../app/models/questionnaire.server";
import { seededRandom } from "../../app/domain/demo-answers";
import { findDisclosure, type PeopleGroup } from "../../app/domain/suppression";
import type { RoundResult } from "../../app/domain/scoring";
import { createPartnership } from "../../app/models/partnership.server";
import { SURVEYS } from "../../app/models/questionnaire.server";
import { agencyInputs, roundAnswerExport, roundReport } from "../../app/models/report.server";
import { createRound, getRound, responseCountsByPage } from "../../app/models/round.server";
import { snapshotIds as snapshotIdsOf, snapshotRule, takeSnapshot } from "../../app/models/snapshot.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

/**
 * Every route that reads a round's figures, and the view the test models for it. A new route
 * that reads them (by calling one of READERS) and is in neither list fails the test below.
 */
const MODELLED: Record<string, "result" | "answers" | "counts" | "compare"> = {
  "partnerships.$pid.rounds.$rid.results.tsx": "result",
  "partnerships.$pid.rounds.$rid.actions.tsx": "result",
  "partnerships.$pid.rounds.$rid.export.results[.]json.ts": "result",
  "partnerships.$pid.rounds.$rid.export.scores[.]csv.ts": "result",
  "partnerships.$pid.rounds.$rid.export.answers[.]csv.ts": "answers",
  // The zip holds answers.csv and scores.csv as the two routes above serve them, nothing more.
  "partnerships.$pid.rounds.$rid.export.data[.]zip.ts": "answers",
  "partnerships.$pid.rounds.$rid._index.tsx": "counts",
  // The commissioner's figures: every filter value the page can offer (FILTER_VALUES), and the benchmark.
  "compare.tsx": "compare",
  "compare.export.$format.ts": "compare",
};
/** Routes that read figures by another path, not yet covered by this test (see docs/data-protection.md). */
const NOT_YET_MODELLED: Record<string, string> = {};
const READERS =
  /\b(roundReport|roundAnswerExport|latestSnapshot|responseCounts|responseCountsByPage|compareAreas|loadComparison|scoreStoredRound|scoreRound)\b/;

interface Person {
  id: string;
  kind: "professional" | "family";
  level: LevelKey | null;
  agency: AgencyTypeKey | null;
  family: FamilyGroup | null;
  /** Answered "don't know" to everything: left out of every component. */
  dontKnowOnly: boolean;
  /** Not yet submitted: the page it last saved on (counted on the round page's funnel only). */
  inProgressAt?: number;
}

/** A round with small groups at some levels, kinds of agency and family groups. */
function generatePeople(threshold: number, seed: number): { first: Person[]; second: Person[]; pending: Person[] } {
  const random = seededRandom(seed);
  const small = () => 1 + Math.floor(random() * (threshold - 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let next = 0;
  const staff = (level: LevelKey, n: number, agencies: readonly AgencyTypeKey[], dontKnowOnly = false): Person[] =>
    Array.from({ length: n }, () => ({
      id: `p${seed}-${next++}`,
      kind: "professional",
      level,
      agency: pick(agencies),
      family: null,
      dontKnowOnly,
    }));
  const family = (group: FamilyGroup, n: number): Person[] =>
    Array.from({ length: n }, () => ({
      id: `p${seed}-${next++}`,
      kind: "family",
      level: null,
      agency: null,
      family: group,
      dontKnowOnly: false,
    }));
  const main: readonly AgencyTypeKey[] = ["health", "social_work"];
  const first = [
    ...staff("team", threshold + small(), main),
    ...staff("organisation", small(), [pick(AGENCY_TYPE_KEYS)]),
    ...staff("local_authority", threshold + Math.floor(random() * 3), main),
    ...staff("national", small(), [pick(AGENCY_TYPE_KEYS)], random() < 0.5),
    ...family("parent_carer", threshold + small()),
    ...family("young_person", small()),
  ];
  // The second snapshot: at least `threshold` new staff (a few in small groups), no or enough new family members.
  const second = [
    ...staff("team", threshold, main),
    ...staff("national", small(), [pick(AGENCY_TYPE_KEYS)]),
    ...(random() < 0.5 ? family("young_person", threshold) : []),
  ];
  // Unfinished responses, a few at some sections: only the round page's counts and funnel see them.
  const pending = [...staff("team", small(), main), ...staff("organisation", threshold, main)].map((p) => ({
    ...p,
    inProgressAt: Math.floor(random() * 4),
  }));
  return { first, second, pending };
}

async function insertPeople(
  t: TestDatabase,
  roundId: string,
  people: readonly Person[],
  agencyIds: Map<string, string>,
) {
  const items = { professional: readScoredItems(SURVEYS.professional), family: readScoredItems(SURVEYS.family) };
  const at = new Date().toISOString();
  for (const p of people) {
    await t.db
      .insertInto("responses")
      .values({
        id: p.id,
        round_id: roundId,
        invitation_id: null,
        kind: p.kind,
        resume_hash: `h-${p.id}`,
        respondent_level: p.level,
        agency_type: p.agency,
        agency_id: p.agency ? (agencyIds.get(p.agency) ?? null) : null,
        family_group: p.family,
        status: p.inProgressAt === undefined ? "submitted" : "in_progress",
        current_page: p.inProgressAt ?? 0,
        created_at: at,
        updated_at: at,
        submitted_at: p.inProgressAt === undefined ? at : null,
      })
      .execute();
    const rows = items[p.kind].map((item, i) => {
      const value = p.dontKnowOnly
        ? DONT_KNOW
        : 1 + ((i + p.id.length * 7 + Number(p.id.split("-")[1])) % (item.polarity === "barrier" ? 4 : 5));
      return {
        response_id: p.id,
        item_key: item.key,
        value: JSON.stringify(value),
        numeric: typeof value === "number" ? value : null,
        updated_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await t.db
        .insertInto("answers")
        .values(rows.slice(i, i + 100))
        .execute();
  }
}

/** One figure a viewer can read, with the people it truly describes. */
interface Seen {
  family: string;
  label: string;
  members: Set<string>;
}

function collectResult(result: RoundResult, people: readonly Person[], view: string, out: Seen[]) {
  if (result.status !== "ok") return;
  const ids = (test: (p: Person) => boolean) => new Set(people.filter(test).map((p) => p.id));
  const staff = (p: Person) => p.kind === "professional";
  const kept = (p: Person) => !p.dontKnowOnly;
  const counts = result.respondents;
  const shown = (f: { status: string }) => f.status === "ok";
  const add = (family: string, label: string, members: Set<string>) =>
    out.push({ family, label: `${view}: ${label}`, members });
  if (shown(counts.total))
    add(
      "people",
      "total",
      ids(() => true),
    );
  for (const [k, f] of Object.entries(counts.byQuestionnaire))
    if (shown(f))
      add(
        "people",
        `q ${k}`,
        ids((p) => p.kind === k),
      );
  for (const [k, f] of Object.entries(counts.byLevel))
    if (shown(f))
      add(
        "people",
        `level ${k}`,
        ids((p) => staff(p) && p.level === k),
      );
  for (const [k, f] of Object.entries(counts.byAgencyType))
    if (shown(f))
      add(
        "people",
        `agency ${k}`,
        ids((p) => staff(p) && p.agency === k),
      );
  for (const [k, f] of Object.entries(counts.byFamilyGroup))
    if (shown(f))
      add(
        "people",
        `family ${k}`,
        ids((p) => p.family === k),
      );
  if (result.professional.status === "ok") {
    add("people", "professional section", ids(staff));
    for (const c of result.professional.components) {
      const fam = `score professional ${c.component}`;
      if (shown(c.overall)) {
        add(
          fam,
          `${c.component} overall`,
          ids((p) => staff(p) && kept(p)),
        );
        add("people", `${c.component} overall (left out)`, ids(staff));
      }
      for (const [k, f] of Object.entries(c.byRespondentLevel)) {
        if (!shown(f)) continue;
        add(
          fam,
          `${c.component} level ${k}`,
          ids((p) => staff(p) && kept(p) && p.level === k),
        );
        add(
          "people",
          `${c.component} level ${k} (left out, don't know)`,
          ids((p) => staff(p) && p.level === k),
        );
      }
      for (const [k, f] of Object.entries(c.byAgencyType)) {
        if (!shown(f)) continue;
        add(
          fam,
          `${c.component} agency ${k}`,
          ids((p) => staff(p) && kept(p) && p.agency === k),
        );
        add(
          "people",
          `${c.component} agency ${k} (left out, don't know)`,
          ids((p) => staff(p) && p.agency === k),
        );
      }
    }
  }
  if (result.family.status === "ok") {
    add(
      "people",
      "family section",
      ids((p) => p.kind === "family"),
    );
    for (const c of result.family.components) {
      const fam = `score family ${c.component}`;
      if (shown(c.overall))
        add(
          fam,
          `family ${c.component} overall`,
          ids((p) => p.kind === "family" && kept(p)),
        );
      for (const [k, f] of Object.entries(c.byFamilyGroup)) {
        if (shown(f))
          add(
            fam,
            `family ${c.component} group ${k}`,
            ids((p) => p.family === k && kept(p)),
          );
      }
    }
  }
}

/** The answers export: its people, and per component the people whose answers it gives. */
function collectAnswers(rows: readonly (readonly unknown[])[], people: readonly Person[], view: string, out: Seen[]) {
  // The export's ids are random: the test recovers who is in it from their level/agency/answers
  // only through the count of rows per (level, agency) cell, which is all differencing can use.
  // Here we identify the exported people by the snapshot's rule instead: same people, same counts.
  void rows;
  const members = new Set(people.map((p) => p.id));
  out.push({ family: "people", label: `${view}: exported respondents`, members });
  const byKind = (kind: Person["kind"]) =>
    new Set(people.filter((p) => p.kind === kind && !p.dontKnowOnly).map((p) => p.id));
  for (const c of ["professional", "family"] as const) {
    const kept = byKind(c);
    if (kept.size === 0) continue;
    for (const item of readScoredItems(SURVEYS[c])) {
      out.push({
        family: `score ${c} ${c === "family" ? item.component : item.component}`,
        label: `${view}: exported ${item.component}`,
        members: kept,
      });
    }
  }
}

/**
 * The commissioner's view of one area under one filter (compare.tsx and its exports show the
 * same figures): the respondents counted and, per component, the score's people (n, n x mean
 * and the sum of squares are sums over the staff kept in the component who match the filter).
 */
function collectCompare(
  area: ComparedArea,
  filter: RespondentFilter,
  people: readonly Person[],
  view: string,
  out: Seen[],
) {
  const current = area.current;
  if (!current) return;
  const inFilter = (p: Person) =>
    p.kind === "professional" &&
    (filter.kind === "all" || (filter.kind === "level" ? p.level === filter.key : p.agency === filter.key));
  const ids = (test: (p: Person) => boolean) => new Set(people.filter(test).map((p) => p.id));
  if (current.respondents.status === "ok")
    out.push({ family: "people", label: `${view}: respondents`, members: ids(inFilter) });
  for (const [component, figures] of Object.entries(current.components)) {
    if (figures.overall.status !== "ok") continue;
    out.push({
      family: `score professional ${component}`,
      label: `${view}: ${component}`,
      members: ids((p) => inFilter(p) && !p.dontKnowOnly),
    });
  }
}

function assertNothingRecoverable(seen: readonly Seen[], everyone: readonly Person[], threshold: number) {
  const index = new Map(everyone.map((p, i) => [p.id, i]));
  const families = new Map<string, Seen[]>();
  for (const s of seen) families.set(s.family, [...(families.get(s.family) ?? []), s]);
  for (const [family, figures] of families) {
    const groups: PeopleGroup[] = figures.map((f, i) => ({
      key: `${i}`,
      members: [...f.members].map((id) => index.get(id)!),
    }));
    const leak = findDisclosure(everyone.length, groups, threshold, false);
    const how = leak?.terms.map((t) => `${t.sign > 0 ? "+" : "-"} ${figures[Number(t.key)]!.label}`).join(" ");
    expect(leak, `${family}: ${how} isolates ${leak?.people} people`).toBeNull();
  }
}

describe("every route that reads a round's figures is modelled by the disclosure test", () => {
  it("lists each such route", () => {
    const dir = path.join(__dirname, "../../app/routes");
    const readers = fs.readdirSync(dir).filter((f) => READERS.test(fs.readFileSync(path.join(dir, f), "utf8")));
    const missing = readers.filter((f) => !(f in MODELLED) && !(f in NOT_YET_MODELLED));
    expect(missing, "routes reading figures that the disclosure test does not model").toEqual([]);
  });
});

describe.each(DIALECTS)("adversarial differencing on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it.each([3, 5, 10])(
    "recovers no group below a threshold of %i from any view, filter or successive snapshot",
    async (threshold) => {
      for (const seed of [1, 2]) {
        const agencies = AGENCY_TYPE_KEYS.map((type) => ({ id: type, name: `Agency ${type}`, type }));
        const partnershipId = await createPartnership(t.db, {
          name: `P${threshold}-${seed}`,
          area: "A",
          localAuthority: "LA",
          agencies,
          leadUserId: null,
        });
        const roundId = await createRound(t.db, {
          partnershipId,
          name: "Round",
          form: "full",
          includeContinuum: true,
          includeFamily: true,
          opensOn: "2026-01-01",
          closesOn: "2026-12-31",
          suppressionThreshold: threshold,
        });
        const agencyIds = new Map((await agencyInputs(t.db, partnershipId)).map((a) => [a.type as string, a.id]));
        const { first, second, pending } = generatePeople(threshold, seed * 100 + threshold);
        const sections = questionnaireFor(
          (await getRound(t.db, { partnershipId, roundId }))!,
          await t.db.selectFrom("agencies").selectAll().where("partnership_id", "=", partnershipId).execute(),
          "professional",
        ).pages.map((p) => localText(p.title) ?? p.name);
        const seen: Seen[] = [];
        const read = async (people: Person[], label: string) => {
          const report = (await roundReport(t.db, { partnershipId, roundId }))!;
          collectResult(report.result, people, `${label} results`, seen);
          const exported = await roundAnswerExport(t.db, { partnershipId, roundId });
          if (exported?.status === "ok") {
            const snapshotIds = new Set(exported.rows.map((r) => r[1]));
            const latest = await t.db
              .selectFrom("result_snapshots")
              .select("id")
              .where("round_id", "=", roundId)
              .orderBy("taken_at", "desc")
              .executeTakeFirstOrThrow();
            const ids = new Set((await snapshotIdsOf(t.db, latest.id)).exportable ?? []);
            expect(snapshotIds.size).toBe(ids.size);
            collectAnswers(
              exported.rows,
              people.filter((p) => ids.has(p.id)),
              `${label} answers.csv`,
              seen,
            );
          }
        };
        // The commissioner's figures under every filter the page can offer, and the benchmark.
        const commissioner: Seen[] = [];
        const compare = async (people: Person[], label: string) => {
          const areas = (await listSharedAreas(t.db, { id: "admin", is_admin: 1 })).filter(
            (a) => a.id === partnershipId,
          );
          const filters: RespondentFilter[] = [{ kind: "all" }, ...FILTER_VALUES];
          for (const filter of filters) {
            const comparison = await compareAreas(t.db, { areas, filter });
            const before = seen.length;
            collectCompare(comparison.areas[0]!, filter, people, `${label} compare ${filterValue(filter)}`, seen);
            commissioner.push(...seen.slice(before));
            // One sharing area, which the viewer sees: no benchmark can be shown.
            expect(comparison.benchmark.hiddenReason).not.toBeNull();
          }
        };
        const round = async () => (await getRound(t.db, { partnershipId, roundId }))!;
        const live = async (people: Person[], label: string) => {
          const counts = liveCounts(await responseCountsByPage(t.db, roundId), threshold, { sections });
          const staff = people.filter((p) => p.kind === "professional");
          const out: Seen[] = [];
          const add = (c: { shown: boolean }, name: string, test: (p: Person) => boolean) => {
            if (c.shown)
              out.push({
                family: `live ${label}`,
                label: `${label} round page: ${name}`,
                members: new Set(people.filter(test).map((p) => p.id)),
              });
          };
          const submitted = (p: Person) => p.inProgressAt === undefined;
          const unfinished = (p: Person) => p.inProgressAt !== undefined;
          add(counts.submitted, "submitted", (p) => p.kind === "professional" && submitted(p));
          add(counts.inProgress, "in progress", (p) => p.kind === "professional" && unfinished(p));
          // The completion funnel: started, finished, and where unfinished responses stopped.
          const funnel = counts.completion!;
          const ok = (c: { status: string }) => ({ shown: c.status === "ok" });
          add(ok(funnel.started), "funnel started", (p) => p.kind === "professional");
          add(ok(funnel.finished), "funnel finished", (p) => p.kind === "professional" && submitted(p));
          funnel.stopped.forEach((row, i) =>
            add(ok(row.count), `funnel stopped at ${row.section}`, (p) => p.inProgressAt === i),
          );
          add(counts.family, "family", (p) => p.kind === "family");
          for (const l of LEVEL_KEYS) {
            add(counts.byLevel[l].submitted, l, (p) => p.kind === "professional" && submitted(p) && p.level === l);
            add(counts.byLevel[l].inProgress, `${l} in progress`, (p) => unfinished(p) && p.level === l);
          }
          for (const a of AGENCY_TYPE_KEYS) {
            add(counts.byAgency[a].submitted, a, (p) => p.kind === "professional" && submitted(p) && p.agency === a);
            add(counts.byAgency[a].inProgress, `${a} in progress`, (p) => unfinished(p) && p.agency === a);
          }
          void staff;
          assertNothingRecoverable(out, people, threshold);
        };

        await insertPeople(t, roundId, [...first, ...pending], agencyIds);
        await live([...first, ...pending], "first");
        expect(
          (
            await takeSnapshot(t.db, {
              round: await round(),
              kind: "interim",
              agencies: await agencyInputs(t.db, partnershipId),
            })
          ).snapshot,
        ).not.toBeNull();
        await read(first, "interim");
        await compare(first, "interim");
        // One more response: no new snapshot can be published yet.
        await insertPeople(t, roundId, second.slice(0, 1), agencyIds);
        expect((await snapshotRule(t.db, await round())).allowed).toBe(false);
        await insertPeople(t, roundId, second.slice(1), agencyIds);
        const everyone = [...first, ...second];
        await live([...everyone, ...pending], "second");
        await t.db
          .updateTable("rounds")
          .set({ status: "closed", closed_at: new Date().toISOString() })
          .where("id", "=", roundId)
          .execute();
        expect(
          (
            await takeSnapshot(t.db, {
              round: await round(),
              kind: "final",
              agencies: await agencyInputs(t.db, partnershipId),
            })
          ).snapshot,
        ).not.toBeNull();
        await read(everyone, "final");
        await compare(everyone, "final");
        // Not vacuous: the views do show breakdowns.
        expect(seen.some((s) => / (level|agency) /.test(s.label))).toBe(true);
        expect(seen.some((s) => /compare (level|agency):/.test(s.label))).toBe(true);
        // The commissioner alone (every filter, both snapshots), then everything a lead and a commissioner see together.
        assertNothingRecoverable(commissioner, everyone, threshold);
        assertNothingRecoverable(seen, everyone, threshold);
      }
    },
  );
});

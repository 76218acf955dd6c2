/**
 * Issue 13: the time to make the published snapshot of a 10,000-respondent round (scoring,
 * joint suppression, export rule, stored in one transaction) and to read it back as the
 * results page's loader does, on a throwaway SQLite database. `npx tsx scripts/bench-snapshot.ts [respondents]`
 *
 * With `--url=<DATABASE_URL> --round=<id>` (npm run bench, issue 19) it measures an existing
 * round instead, in this process of its own, and prints one JSON line: the snapshot's time, the
 * bare SQL aggregate over the same rows, the results read back, and this process's peak
 * resident memory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../app/domain/framework";
import { readScoredItems } from "../app/domain/instrument";
import { migrateToLatest, openDatabase } from "../app/db.server";
import { createPartnership } from "../app/models/partnership.server";
import { SURVEYS } from "../app/models/questionnaire.server";
import { agencyInputs, roundReport } from "../app/models/report.server";
import { createRound, getRound } from "../app/models/round.server";
import { takeSnapshot } from "../app/models/snapshot.server";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const givenUrl = option("url");
const givenRound = option("round");
if (givenUrl && givenRound) {
  await measureExisting(givenUrl, givenRound);
  process.exit(0);
}

async function measureExisting(url: string, roundId: string) {
  const db = openDatabase(url, { poolMax: 2 });
  const row = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const bareSql = () =>
    db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select(["answers.item_key", (eb) => eb.fn.countAll().as("n"), (eb) => eb.fn.avg("answers.numeric").as("mean")])
      .where("responses.round_id", "=", roundId)
      .where("responses.status", "=", "submitted")
      .groupBy("answers.item_key")
      .execute();
  await bareSql(); // warm, as the snapshot's own reads are warmed by this
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await bareSql();
    runs.push(performance.now() - t);
  }
  const t0 = performance.now();
  const made = await takeSnapshot(db, {
    round: row,
    kind: "final",
    agencies: await agencyInputs(db, row.partnership_id),
  });
  const snapshotMs = performance.now() - t0;
  const t1 = performance.now();
  await roundReport(db, { partnershipId: row.partnership_id, roundId });
  const resultsReadMs = performance.now() - t1;
  await db.destroy();
  console.log(
    JSON.stringify({
      respondents: made.snapshot?.submittedCount ?? null,
      snapshotMs: Math.round(snapshotMs),
      bareSqlMs: Math.round(Math.min(...runs)),
      resultsReadMs: Math.round(resultsReadMs),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

const respondents = Number(process.argv[2] ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-bench-snapshot-"));
const db = openDatabase(`file:${path.join(dir, "bench.db")}`);
await migrateToLatest(db);
const partnershipId = await createPartnership(db, {
  name: "Bench",
  area: "Bench",
  localAuthority: "Bench",
  agencies: AGENCY_TYPE_KEYS.map((type) => ({ id: type, name: type, type })),
  leadUserId: null,
});
const roundId = await createRound(db, {
  partnershipId,
  name: "Bench",
  form: "full",
  includeContinuum: true,
  includeFamily: true,
  opensOn: "2026-01-01",
  closesOn: "2026-12-31",
  suppressionThreshold: 5,
});
const items = readScoredItems(SURVEYS.professional);
const at = new Date().toISOString();
let seed = 1;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
for (let start = 0; start < respondents; start += 200) {
  await db.transaction().execute(async (trx) => {
    for (let i = start; i < Math.min(respondents, start + 200); i++) {
      const id = `r${i}`;
      await trx
        .insertInto("responses")
        .values({
          id,
          round_id: roundId,
          invitation_id: null,
          kind: "professional",
          resume_hash: id,
          respondent_level: LEVEL_KEYS[i % 4]!,
          agency_type: AGENCY_TYPE_KEYS[i % 7]!,
          agency_id: null,
          family_group: null,
          status: "submitted",
          created_at: at,
          updated_at: at,
          submitted_at: at,
        })
        .execute();
      const rows = items.map((item) => {
        const v = 1 + Math.floor(random() * (item.polarity === "barrier" ? 4 : 5));
        return { response_id: id, item_key: item.key, value: String(v), numeric: v, updated_at: at };
      });
      for (let j = 0; j < rows.length; j += 100)
        await trx
          .insertInto("answers")
          .values(rows.slice(j, j + 100))
          .execute();
    }
  });
}
const round = (await getRound(db, { partnershipId, roundId }))!;
let t0 = performance.now();
await takeSnapshot(db, { round, kind: "final", agencies: await agencyInputs(db, partnershipId) });
const make = performance.now() - t0;
t0 = performance.now();
const report = await roundReport(db, { partnershipId, roundId });
const serve = performance.now() - t0;
console.log(
  `${respondents} respondents: snapshot made in ${make.toFixed(0)} ms; results read from it in ${serve.toFixed(0)} ms (status ${report?.result.status})`,
);
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

/**
 * Issue 13: the time to make the published snapshot of a 10,000-respondent round (scoring,
 * joint suppression, export rule, stored in one transaction) and to read it back as the
 * results page's loader does, on a throwaway SQLite database. `npx tsx scripts/bench-snapshot.ts [respondents]`
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

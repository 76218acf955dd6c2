/**
 * Issue 13: the time to make the published snapshot of a 10,000-respondent round (scoring,
 * joint suppression, export rule, stored in one transaction) and to read it back as the
 * results page's loader does, on a throwaway SQLite database; then, from the built server
 * (`npm run build` first), the time of the results page's HTTP response as a signed-in lead
 * gets it (median of several requests). `npx tsx scripts/bench-snapshot.ts [respondents] [--no-http]`
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
import { newId, randomToken, sha256 } from "../app/crypto.server";
import { setMemberRole } from "../app/models/partnership.server";
import { spawn } from "node:child_process";
import { freePort, ROOT } from "../tests/support/app-server";
import { cookiePair } from "../tests/support/cookies";

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

const args = process.argv.slice(2);
const respondents = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const HTTP = !args.includes("--no-http");
const REQUESTS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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
const reads: number[] = [];
let report: Awaited<ReturnType<typeof roundReport>> = null;
for (let i = 0; i < REQUESTS; i++) {
  t0 = performance.now();
  report = await roundReport(db, { partnershipId, roundId });
  reads.push(performance.now() - t0);
}
console.log(
  `${respondents} respondents: snapshot made in ${make.toFixed(0)} ms; results read from it (roundReport, the page's model call) in median ${median(reads).toFixed(0)} ms [${reads.map((r) => r.toFixed(0)).join(", ")}] (status ${report?.result.status})`,
);

if (HTTP) {
  // The page itself, from the built server, as the round's lead requests it.
  const userId = newId();
  const at2 = new Date().toISOString();
  await db
    .insertInto("users")
    .values({
      id: userId,
      email: "bench-lead@example.org",
      name: "Lead",
      password_hash: "x",
      is_admin: 0,
      created_at: at2,
    })
    .execute();
  await setMemberRole(db, { partnershipId, userId, role: "lead" });
  const token = randomToken();
  await db
    .insertInto("sessions")
    .values({
      id: sha256(token),
      user_id: userId,
      created_at: at2,
      expires_at: new Date(Date.now() + 86400_000).toISOString(),
    })
    .execute();
  const app = await startServer(`file:${path.join(dir, "bench.db")}`);
  try {
    const cookie = await cookiePair("__session", token);
    const url = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`;
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const h0 = performance.now();
      const res = await fetch(url, { headers: { Cookie: cookie } });
      const html = await res.text();
      if (!res.ok) throw new Error(`The results page answered ${res.status}: ${html.slice(0, 200)}`);
      times.push(performance.now() - h0);
      bytes = Buffer.byteLength(html);
    }
    console.log(
      `Results page over HTTP (${(bytes / 1024).toFixed(0)} KB): median ${median(times).toFixed(0)} ms [${times.map((x) => x.toFixed(0)).join(", ")}] (first request included; the median is of ${REQUESTS})`,
    );
  } finally {
    await app.stop();
  }
}

/** The built server on this database (a minute to start: the machine may be busy). */
async function startServer(databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      SEED_DEMO: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error("The server did not start");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

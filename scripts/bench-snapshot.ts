/**
 * Issue 13 / 19: the published snapshot of a big round, against the bare SQL aggregate over the
 * same rows, and the results page served from it.
 *
 * `npx tsx scripts/bench-snapshot.ts [--sizes=10000,100000] [--pg=<postgres url>]
 *  [--only=sqlite|postgres] [--whole-up-to=20000]` (`npm run build` first): on SQLite, and on
 * PostgreSQL when --pg (or DATABASE_URL) names one, a fresh database served by the built server;
 * for each size a generated closed round, then
 *  1. in a process of its own (`--url --round` below): the bare SQL aggregate (per-item count and
 *     mean of the submitted answers, the best of 3 warm runs), the snapshot as
 *     app/models/snapshot.server.ts makes it (answers streamed in batches), and, for rounds up to
 *     --whole-up-to, the way snapshots were made before issue 19 (every answer loaded, then
 *     scoreRound) for comparison; each with that process's peak resident memory;
 *  2. the server making it: the snapshot is deleted and the lead opens the results page, whose
 *     first request makes the final snapshot of the closed round in the server (its peak
 *     resident memory sampled from /proc), then the page is requested 7 more times, served from
 *     the snapshot (median and slowest, measured at the client on the same machine).
 * Prints a table and saves bench/results/snapshot-<date>.json. The machine is shared: the load
 * average is printed with each row; compare ratios.
 *
 * With `--url=<DATABASE_URL> --round=<id> [--mode=stream|whole]` it measures an existing round
 * in this process and prints one JSON line (used by npm run bench too).
 */

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { openDatabase } from "../app/db.server";
import { readScoredItems } from "../app/domain/instrument";
import { scoreRound } from "../app/domain/scoring";
import { exportableResponses } from "../app/domain/exports/answer-export";
import { AGENCY_TYPE_KEYS } from "../app/domain/framework";
import { createPartnership, listAgencies } from "../app/models/partnership.server";
import { allMarkers, questionnaireFor, SURVEYS } from "../app/models/questionnaire.server";
import { agencyInputs, roundReport } from "../app/models/report.server";
import { loadSubmittedResponses } from "../app/models/results.server";
import { takeSnapshot } from "../app/models/snapshot.server";
import { onFreshDatabases, ROOT, startApp } from "../tests/support/app-server";
import { makeUser, sessionCookie } from "../tests/support/seed-rounds";
import { createTeam, teamInputs } from "../app/models/team.server";
import { generateRound } from "./bench-round";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const givenUrl = option("url");
const givenRound = option("round");
if (givenUrl && givenRound) {
  await measureExisting(givenUrl, givenRound, option("mode") === "whole" ? "whole" : "stream");
  process.exit(0);
}

async function measureExisting(url: string, roundId: string, mode: "stream" | "whole") {
  const startRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
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
  const bareCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await bareSql();
    runs.push(performance.now() - t);
    const used = process.cpuUsage(c);
    bareCpu.push((used.user + used.system) / 1000);
  }
  // (On PostgreSQL the database's own work is in its server process, not in this one.)
  const bareSqlCpuMs = Math.round(Math.min(...bareCpu));
  const agencies = await agencyInputs(db, row.partnership_id);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let respondents: number | null;
  if (mode === "whole") {
    // How snapshots were made before issue 19: every answer of the round loaded, then scored.
    const responses = await loadSubmittedResponses(db, { roundId, form: row.form });
    const result = scoreRound({
      responses,
      items: readScoredItems(SURVEYS.professional),
      familyItems: readScoredItems(SURVEYS.family),
      markers: allMarkers(),
      agencies,
      teams: await teamInputs(db, row.partnership_id),
      threshold: row.suppression_threshold,
    });
    exportableResponses(result, responses, row.suppression_threshold);
    respondents = responses.length;
  } else {
    const made = await takeSnapshot(db, { round: row, kind: "final", agencies });
    respondents = made.snapshot?.submittedCount ?? null;
  }
  const snapshotMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const t1 = performance.now();
  // (In "whole" mode no snapshot was stored: reading the results would make one.)
  if (mode === "stream") await roundReport(db, { partnershipId: row.partnership_id, roundId });
  const resultsReadMs = mode === "stream" ? Math.round(performance.now() - t1) : null;
  await db.destroy();
  console.log(
    JSON.stringify({
      mode,
      respondents,
      snapshotMs: Math.round(snapshotMs),
      snapshotCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      bareSqlCpuMs,
      bareSqlMs: Math.round(Math.min(...runs)),
      resultsReadMs,
      startRssMb,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

type Measured = {
  mode: "stream" | "whole";
  respondents: number | null;
  snapshotMs: number;
  snapshotCpuMs: number;
  bareSqlMs: number;
  bareSqlCpuMs: number;
  resultsReadMs: number | null;
  startRssMb: number;
  peakRssMb: number;
};

/** Runs measureExisting in a process of its own (its memory is the snapshot's alone). */
async function snapshotInProcess(databaseUrl: string, roundId: string, mode: "stream" | "whole") {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/bench-snapshot.ts", `--url=${databaseUrl}`, `--round=${roundId}`, `--mode=${mode}`],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`bench-snapshot failed: ${out}`);
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as Measured;
}

/** Peak resident memory of a process, sampled from /proc every 20 ms (MB). */
function memorySampler(pid: number | undefined) {
  let peakKb = 0;
  const read = () => {
    try {
      const m = pid ? /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8")) : null;
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* not on Linux, or gone */
    }
  };
  read();
  const timer = setInterval(read, 20);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peakKb ? Math.round(peakKb / 1024) : null;
    },
  };
}

const load = () => Math.round(os.loadavg()[0]! * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchOn(label: string, databaseUrl: string, sizes: number[], wholeUpTo: number) {
  const app = await startApp({ databaseUrl, seed: false, startTimeoutMs: 300_000 });
  const rows: Record<string, unknown>[] = [];
  try {
    const db = app.db;
    const partnershipId = await createPartnership(db, {
      name: "Bench",
      area: "Bench",
      localAuthority: "Bench",
      agencies: AGENCY_TYPE_KEYS.map((type) => ({ id: `bench-${type}`, name: type, type })),
      leadUserId: null,
    });
    const agencies = await listAgencies(db, partnershipId);
    // Two teams in each of three organisations: the snapshot plans their views too (issue 18).
    for (const a of agencies.slice(0, 3))
      for (const name of ["North", "South"]) await createTeam(db, { partnershipId, agencyId: a.id, name });
    const teams = await teamInputs(db, partnershipId);
    const survey = questionnaireFor({ form: "full", include_continuum: 1 }, agencies, "professional");
    const userId = await makeUser(db, "bench-lead@example.org", "Lead", { member: { partnershipId, role: "lead" } });
    const cookie = await sessionCookie(db, userId);
    for (const size of sizes) {
      const t = performance.now();
      const roundId = await generateRound(db, partnershipId, survey, agencies, size, teams);
      console.log(`${label}: ${size} respondents generated in ${Math.round((performance.now() - t) / 1000)} s`);
      const loadBefore = load();
      const whole = size <= wholeUpTo ? await snapshotInProcess(app.databaseUrl, roundId, "whole") : null;
      const stream = await snapshotInProcess(app.databaseUrl, roundId, "stream");
      // The page served from the snapshot just made (the server's own first request included
      // in its memory; the snapshot process's peak above is what making it costs, as the server
      // makes it with the same code when a round closes).
      const url = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`;
      const memory = memorySampler(app.pid());
      const f0 = performance.now();
      const first = await fetch(url, { headers: { Cookie: cookie } });
      await first.text();
      const serverMakesMs = Math.round(performance.now() - f0);
      if (!first.ok) throw new Error(`The results page answered ${first.status}`);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 7; i++) {
        const h0 = performance.now();
        const res = await fetch(url, { headers: { Cookie: cookie } });
        bytes = Buffer.byteLength(await res.text());
        times.push(performance.now() - h0);
      }
      const serverPeakRssMb = memory.stop();
      const row = {
        db: label,
        respondents: size,
        bareSqlMs: stream.bareSqlMs,
        snapshotMs: stream.snapshotMs,
        snapshotCpuMs: stream.snapshotCpuMs,
        ratio: Math.round((stream.snapshotMs / Math.max(1, stream.bareSqlMs)) * 100) / 100,
        snapshotPeakRssMb: stream.peakRssMb,
        processStartRssMb: stream.startRssMb,
        beforeMs: whole?.snapshotMs ?? null,
        beforeRatio: whole ? Math.round((whole.snapshotMs / Math.max(1, whole.bareSqlMs)) * 100) / 100 : null,
        beforePeakRssMb: whole?.peakRssMb ?? null,
        serverFirstRequestMs: serverMakesMs,
        serverPeakRssMb,
        pageMedianMs: Math.round(median(times)),
        pageMaxMs: Math.round(Math.max(...times)),
        pageKb: Math.round(bytes / 1024),
        load: `${loadBefore} -> ${load()}`,
      };
      console.log(row);
      rows.push(row);
    }
  } finally {
    await app.stop();
  }
  return rows;
}

const sizes = (option("sizes") ?? "10000,100000").split(",").map(Number);
const wholeUpTo = Number(option("whole-up-to") ?? 20000);
const only = option("only");
const pgUrl = option("pg") ?? process.env.DATABASE_URL;
const all = (
  await onFreshDatabases({ prefix: "bench-snap", postgresUrl: pgUrl, only }, (label, url) =>
    benchOn(label, url, sizes, wholeUpTo),
  )
).flat();
console.table(all);
const date = new Date().toISOString();
const file = path.join(ROOT, "bench/results", `snapshot-${date.replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  JSON.stringify(
    { date, cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, sizes, rows: all },
    null,
    2,
  ) + "\n",
);
console.log(`Saved ${path.relative(ROOT, file)}`);

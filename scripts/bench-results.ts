/**
 * Issue 19: the results page of a big round served from its snapshot, timed at the server.
 *
 * `npx tsx scripts/bench-results.ts [--size=10000] [--n=30] [--pg=<postgres url>]
 *  [--only=sqlite|postgres] [--label=before]` (`npm run build` first): on SQLite, and on
 * PostgreSQL when --pg (or DATABASE_URL) names one, a fresh database served by the built
 * server; a closed round of `size` generated respondents in three organisations with two teams
 * each, its final snapshot published (in this process, with the app's takeSnapshot), then the
 * lead requests the results page 3 times to warm up and `n` times measured, one at a time.
 * For each database: median and p95 of the server's own time (the `total` of its
 * Server-Timing header: from the request's arrival to the rendered page) and of each loader
 * phase, of the time at the client (request to last byte, on the same machine), and the
 * page's HTML size. Prints a table and saves bench/results/results-page-<date>[-label].json.
 * The machine is shared: the load average is recorded with each row.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AGENCY_TYPE_KEYS } from "../app/domain/framework";
import { createPartnership, listAgencies } from "../app/models/partnership.server";
import { questionnaireFor } from "../app/models/questionnaire.server";
import { agencyInputs } from "../app/models/report.server";
import { takeSnapshot } from "../app/models/snapshot.server";
import { createTeam, teamInputs } from "../app/models/team.server";
import { onFreshDatabases, ROOT, startApp } from "../tests/support/app-server";
import { makeUser, sessionCookie } from "../tests/support/seed-rounds";
import { generateRound } from "./bench-round";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = Number(option("size") ?? 10000);
const n = Number(option("n") ?? 30);
const label = option("label");

const load = () => Math.round(os.loadavg()[0]! * 10) / 10;
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 10) / 10;
};

/** "read;dur=1.2, parse;dur=3" -> { read: 1.2, parse: 3 } (repeated names are added). */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.map((p) => /^dur=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
    if (name && dur) out[name] = (out[name] ?? 0) + Number(dur);
  }
  return out;
}

async function benchOn(db: "sqlite" | "postgres", databaseUrl: string) {
  const app = await startApp({ databaseUrl, seed: false, startTimeoutMs: 300_000 });
  try {
    const partnershipId = await createPartnership(app.db, {
      name: "Bench",
      area: "Bench",
      localAuthority: "Bench",
      agencies: AGENCY_TYPE_KEYS.map((type) => ({ id: `bench-${type}`, name: type, type })),
      leadUserId: null,
    });
    const agencies = await listAgencies(app.db, partnershipId);
    for (const a of agencies.slice(0, 3))
      for (const name of ["North", "South"]) await createTeam(app.db, { partnershipId, agencyId: a.id, name });
    const teams = await teamInputs(app.db, partnershipId);
    const survey = questionnaireFor({ form: "full", include_continuum: 1 }, agencies, "professional");
    const userId = await makeUser(app.db, "bench-lead@example.org", "Lead", {
      member: { partnershipId, role: "lead" },
    });
    const cookie = await sessionCookie(app.db, userId);
    let t = performance.now();
    const roundId = await generateRound(app.db, partnershipId, survey, agencies, size, teams);
    const generatedS = Math.round((performance.now() - t) / 1000);
    t = performance.now();
    const round = await app.db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
    const made = await takeSnapshot(app.db, {
      round,
      kind: "final",
      agencies: await agencyInputs(app.db, partnershipId),
    });
    if (!made.snapshot) throw new Error(`No snapshot: ${made.rule.reason}`);
    const snapshotS = Math.round((performance.now() - t) / 1000);
    console.log(`${db}: ${size} respondents generated in ${generatedS} s, snapshot in ${snapshotS} s`);
    const url = `${app.url}/partnerships/${partnershipId}/rounds/${roundId}/results`;
    const loadBefore = load();
    const client: number[] = [];
    const phases: Record<string, number[]> = {};
    let bytes = 0;
    let gzipBytes = 0;
    for (let i = 0; i < n + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { Cookie: cookie, "Accept-Encoding": "gzip" } });
      const body = await res.text();
      const took = performance.now() - t0;
      if (!res.ok) throw new Error(`The results page answered ${res.status}`);
      if (!body.includes('data-testid="snapshot-note"')) throw new Error("The page shows no snapshot");
      if (i < 3) continue;
      client.push(took);
      bytes = Buffer.byteLength(body);
      // About what the server's compression sends (fetch has decompressed it).
      gzipBytes = gzipSync(body).length;
      for (const [name, ms] of Object.entries(parseServerTiming(res.headers.get("Server-Timing"))))
        (phases[name] ??= []).push(ms);
    }
    const row = {
      db,
      respondents: size,
      requests: n,
      serverMedianMs: phases.total ? quantile(phases.total, 0.5) : null,
      serverP95Ms: phases.total ? quantile(phases.total, 0.95) : null,
      clientMedianMs: quantile(client, 0.5),
      clientP95Ms: quantile(client, 0.95),
      htmlKb: Math.round(bytes / 1024),
      gzipKb: Math.round(gzipBytes / 1024),
      phasesMedianMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, quantile(v, 0.5)])),
      load: `${loadBefore} -> ${load()}`,
      uptime: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
    console.log(row);
    return row;
  } finally {
    await app.stop();
  }
}

const only = option("only");
const pgUrl = option("pg") ?? process.env.DATABASE_URL;
const rows = await onFreshDatabases({ prefix: "bench-results", postgresUrl: pgUrl, only }, (label, url) =>
  benchOn(label, url),
);
console.table(rows.map(({ phasesMedianMs: _p, ...r }) => r));
const date = new Date().toISOString();
const file = path.join(
  ROOT,
  "bench/results",
  `results-page-${date.replace(/[:.]/g, "-")}${label ? `-${label}` : ""}-issue19-results.json`,
);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  JSON.stringify(
    { date, label, cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, size, rows },
    null,
    2,
  ) + "\n",
);
console.log(`Saved ${path.relative(ROOT, file)}`);

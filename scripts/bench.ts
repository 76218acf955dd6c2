/**
 * npm run bench: measures the respondent path and the reports against what the database itself
 * can do on this machine, in one run, on SQLite and (when DATABASE_URL names one) on PostgreSQL:
 *  1. autosave and submission throughput of the real HTTP endpoints at 50 and 200 concurrent
 *     clients, each client one respondent sending one request at a time as the browser does:
 *     lean autosaves (two answers changed per save, with the version), the old full-set
 *     autosave for comparison, and submissions of a whole ~120-answer response;
 *  2. beside each, the raw limit of the database through its own driver at the same
 *     concurrency: better-sqlite3 prepared statements in one transaction per response (one
 *     connection, as the app has), and `pg` with a pool as large as the app's (PG_POOL_MAX)
 *     and multi-row inserts; the ratio is the app's throughput over that limit;
 *  3. the time to make a round's published snapshot (scoring, suppression, stored) for 10,000
 *     respondents beside the bare SQL aggregate over the same rows, and for a 100,000-respondent
 *     round, each in a process of its own whose peak resident memory is reported;
 *  4. the server's peak resident memory (sampled from /proc) during each load, and its CPU time
 *     per request (serverCpuMs); beside the app, an "HTTP floor": a bare node:http server
 *     answering the same POST in the same loop, what this machine can do over HTTP at all;
 *  5. the questionnaire's weight and time to first question on a throttled phone (Chromium).
 * Flags: `--quick` (3 s per load, the 10,000-respondent round and a 20,000-respondent
 * "national" one; for a busy machine), `--sizes=1000,10000`, `--national=N`, `--no-page`, `--only=sqlite|postgres`,
 * `--page-only`, `--no-build`. BENCH_SECONDS sets the seconds per load (default 8, quick 3).
 * Figures are printed as one table and saved to bench/results/<date>.json with the CPU.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { isPostgres, now } from "../app/db.server";
import { env } from "../app/env.server";
import { sha256 } from "../app/crypto.server";
import { demoAnswers, seededRandom } from "../app/domain/demo-answers";
import { listAgencies } from "../app/models/partnership.server";
import { questionnaireFor } from "../app/models/questionnaire.server";
import { launchBrowser, onFreshDatabases, ROOT, startApp, type RunningApp } from "../tests/support/app-server";
import { emulateSlowPhone } from "../tests/support/browser";
import { generateRound } from "./bench-round";

const argv = process.argv.slice(2);
const args = new Set(argv);
const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const QUICK = args.has("--quick");
const DURATION_S = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 8));
const CLIENTS = [50, 200];
const RESULTS_SIZES = flag("sizes")?.split(",").map(Number) ?? (QUICK ? [10000] : [1000, 10000]);
const NATIONAL = Number(flag("national") ?? (QUICK ? 20000 : 100000));
const ONLY = flag("only");
const POOL_MAX = env().PG_POOL_MAX;
/** Answers changed per lean autosave: a respondent answering the next questions on a page. */
const CHANGED_PER_SAVE = 2;

type Row = Record<string, string | number | null | undefined>;
const report: {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  loadAverage: number[];
  options: Record<string, unknown>;
  runs: Record<string, unknown>;
} = {
  date: new Date().toISOString(),
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  options: { seconds: DURATION_S, quick: QUICK, national: NATIONAL, pgPoolMax: POOL_MAX },
  runs: {},
};

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Peak resident memory of a process, sampled from /proc every 50 ms (MB). */
function memorySampler(pid: number | undefined) {
  let peakKb = 0;
  const read = () => {
    if (!pid) return;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* not on Linux, or the process has gone */
    }
  };
  read();
  const timer = setInterval(read, 50);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peakKb ? Math.round(peakKb / 1024) : null;
    },
  };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return null;
  }
}

/**
 * A closed loop: `clients` respondents each send one request at a time for DURATION_S. `step`
 * returns whether the request succeeded; its time is the request's latency.
 */
async function closedLoop(clients: number, step: (client: number) => Promise<boolean>, durationS = DURATION_S) {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const end = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        const t = performance.now();
        const good = await step(client).catch(() => false);
        latencies.push(performance.now() - t);
        if (good) ok++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(ok / seconds),
    requests: ok + failed,
    failed,
    medianMs: round1(percentile(latencies, 50)),
    p95Ms: round1(percentile(latencies, 95)),
  };
}

/** Pairs of answer sets that differ in many scored items: a lean save switches two of them. */
function alternations(a: Record<string, string | number>, b: Record<string, string | number>) {
  return Object.keys(a).filter(
    (k) => !k.startsWith("respondent_") && typeof a[k] === "number" && typeof b[k] === "number" && a[k] !== b[k],
  );
}

/** The app under load: lean and full-set autosaves of in-progress responses, and submissions. */
async function appLoad(app: RunningApp, endpoint: string, answerSets: Record<string, string | number>[]) {
  const rows: Row[] = [];
  for (const clients of CLIENTS) {
    // Each client is one respondent with a response of its own (its cookie) and its version.
    const respondents: {
      cookie: string;
      version: number;
      answers: Record<string, string | number>;
      keys: string[];
      other: Record<string, string | number>;
      turn: number;
    }[] = [];
    for (let i = 0; i < clients; i++) {
      const answers = { ...answerSets[i % answerSets.length]! };
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ intent: "save", answers, currentPage: 1 }),
      });
      const body = (await res.json()) as { version: number };
      const other = answerSets[(i + 1) % answerSets.length]!;
      respondents.push({
        cookie: res.headers.get("set-cookie")!.split(";")[0]!,
        version: body.version,
        answers,
        keys: alternations(answers, other),
        other,
        turn: 0,
      });
    }
    // Each client opens its own connection before the clock starts, as a respondent's browser
    // holds its own: the setup above ran one request at a time over one connection, and new
    // connections to a server already saturated by the others wait for seconds (the tail at 200
    // clients in decision 0006), which measured connection set-up rather than the saves.
    await Promise.all(
      respondents.map(async (r) => (await fetch(endpoint, { headers: { cookie: r.cookie } })).arrayBuffer()),
    );
    const post = (body: unknown, cookie?: string) =>
      fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    // The answers a respondent changes at each save: the same for both kinds of autosave, so
    // that they differ only in what they send (the changes, or the whole set with them).
    const nextChanges = (r: (typeof respondents)[number]) => {
      const changes: Record<string, string | number> = {};
      for (let j = 0; j < CHANGED_PER_SAVE; j++) {
        const key = r.keys[(r.turn * CHANGED_PER_SAVE + j) % r.keys.length]!;
        changes[key] = r.answers[key] === r.other[key] ? (answerSets[0]![key] ?? 1) : r.other[key]!;
      }
      r.turn++;
      return changes;
    };
    const leanStep = async (client: number) => {
      const r = respondents[client]!;
      const changes = nextChanges(r);
      const res = await post({ intent: "save", changes, baseVersion: r.version, currentPage: 2 }, r.cookie);
      const body = (await res.json()) as { version?: number };
      if (!res.ok || typeof body.version !== "number") return false;
      Object.assign(r.answers, changes);
      r.version = body.version;
      return true;
    };
    const fullStep = async (client: number) => {
      const r = respondents[client]!;
      Object.assign(r.answers, nextChanges(r));
      const res = await post({ intent: "save", answers: r.answers, currentPage: 2 }, r.cookie);
      const body = (await res.json()) as { version?: number };
      if (typeof body.version === "number") r.version = body.version;
      return res.ok;
    };
    let submitted = 0;
    const submitStep = async () => {
      const res = await post({
        intent: "submit",
        answers: answerSets[submitted++ % answerSets.length],
        currentPage: 9,
      });
      await res.arrayBuffer();
      return res.ok;
    };
    // The server's code is compiled as it runs: two untimed seconds of each kind first, so that
    // the first row measured is not also the compiler's (it cost up to twice the CPU per request).
    if (clients === CLIENTS[0]) for (const step of [leanStep, fullStep, submitStep]) await closedLoop(clients, step, 2);
    for (const [kind, step] of [
      ["autosave (lean)", leanStep],
      ["autosave (full set)", fullStep],
      ["submission", submitStep],
    ] as const) {
      const memory = memorySampler(app.pid());
      const cpuBefore = cpuMs(app.pid());
      const result = await closedLoop(clients, step);
      const cpuAfter = cpuMs(app.pid());
      // The server's own CPU per request (its share of the two cores the load generator shares).
      const serverCpuMsPerRequest =
        cpuBefore === null || cpuAfter === null ? null : round1((cpuAfter - cpuBefore) / Math.max(1, result.requests));
      rows.push({ kind, clients, ...result, serverCpuMsPerRequest, serverPeakRssMb: memory.stop() });
    }
  }
  return rows;
}

/**
 * The raw limits on SQLite: better-sqlite3 prepared statements, one transaction per response,
 * on one connection (the app's shape: one process, one connection, WAL, synchronous NORMAL).
 * Synchronous, so the concurrency is one; the app's clients share that one connection too.
 */
function sqliteRawLimits(
  file: string,
  roundId: string,
  invitationId: string,
  answers: Record<string, string | number>,
) {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const keys = Object.keys(answers);
  const insertResponse = db.prepare(
    `insert into responses (id, round_id, invitation_id, kind, resume_hash, respondent_level, agency_type, agency_id, family_group, status, current_page, version, created_at, updated_at, submitted_at)
     values (?, ?, ?, 'professional', ?, 'team', 'health', null, null, ?, 0, 1, ?, ?, ?)`,
  );
  const insertAnswer = db.prepare(
    "insert into answers (response_id, item_key, value, numeric, updated_at) values (?, ?, ?, ?, ?)",
  );
  const upsertAnswer = db.prepare(
    `insert into answers (response_id, item_key, value, numeric, updated_at) values (?, ?, ?, ?, ?)
     on conflict (response_id, item_key) do update set value = excluded.value, numeric = excluded.numeric, updated_at = excluded.updated_at`,
  );
  const bump = db.prepare("update responses set version = version + 1, current_page = ?, updated_at = ? where id = ?");
  const submit = db.transaction((id: string) => {
    const at = now();
    insertResponse.run(id, roundId, invitationId, sha256(id), "submitted", at, at, at);
    for (const k of keys) {
      const v = answers[k]!;
      insertAnswer.run(id, k, JSON.stringify(v), typeof v === "number" ? v : null, at);
    }
  });
  const scored = keys.filter((k) => typeof answers[k] === "number");
  const autosave = db.transaction((id: string, turn: number) => {
    const at = now();
    bump.run(2, at, id);
    for (let j = 0; j < CHANGED_PER_SAVE; j++) {
      const k = scored[(turn * CHANGED_PER_SAVE + j) % scored.length]!;
      upsertAnswer.run(id, k, String(1 + (turn % 4)), 1 + (turn % 4), at);
    }
  });
  const loop = (fn: (n: number) => void) => {
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < DURATION_S * 1000) fn(n++);
    return Math.round(n / ((performance.now() - started) / 1000));
  };
  const submission = loop(() => submit(crypto.randomUUID()));
  const ids = Array.from({ length: 200 }, () => crypto.randomUUID());
  for (const id of ids) submit(id);
  const lean = loop((n) => autosave(ids[n % ids.length]!, n));
  db.close();
  return Object.fromEntries(CLIENTS.map((c) => [c, { autosave: lean, submission }]));
}

/**
 * The raw limits on PostgreSQL: `pg` with a pool as large as the app's, `clients` concurrent
 * workers, one transaction per response, named (prepared) statements, the answers in one
 * multi-row insert.
 */
async function pgRawLimits(
  url: string,
  roundId: string,
  invitationId: string,
  answers: Record<string, string | number>,
) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX });
  const keys = Object.keys(answers);
  const scored = keys.filter((k) => typeof answers[k] === "number");
  const multiRow = keys
    .map((_, i) => `($1, $${2 + i * 3}, $${3 + i * 3}, $${4 + i * 3}, $${2 + keys.length * 3})`)
    .join(", ");
  const insertAnswers = `insert into answers (response_id, item_key, value, numeric, updated_at) values ${multiRow}`;
  const upsert = `insert into answers (response_id, item_key, value, numeric, updated_at) values ${Array.from(
    { length: CHANGED_PER_SAVE },
    (_, i) => `($1, $${2 + i * 3}, $${3 + i * 3}, $${4 + i * 3}, $${2 + CHANGED_PER_SAVE * 3})`,
  ).join(
    ", ",
  )} on conflict (response_id, item_key) do update set value = excluded.value, numeric = excluded.numeric, updated_at = excluded.updated_at`;
  const submit = async (id: string) => {
    const client = await pool.connect();
    try {
      const at = now();
      await client.query("begin");
      await client.query({
        name: "raw_response",
        text: `insert into responses (id, round_id, invitation_id, kind, resume_hash, respondent_level, agency_type, status, current_page, version, created_at, updated_at, submitted_at)
               values ($1, $2, $3, 'professional', $4, 'team', 'health', 'submitted', 0, 1, $5, $5, $5)`,
        values: [id, roundId, invitationId, sha256(id), at],
      });
      const values: unknown[] = [id];
      for (const k of keys) {
        const v = answers[k]!;
        values.push(k, JSON.stringify(v), typeof v === "number" ? v : null);
      }
      values.push(at);
      await client.query({ name: "raw_answers", text: insertAnswers, values });
      await client.query("commit");
    } finally {
      client.release();
    }
  };
  const autosave = async (id: string, turn: number) => {
    const client = await pool.connect();
    try {
      const at = now();
      await client.query("begin");
      await client.query({
        name: "raw_bump",
        text: "update responses set version = version + 1, current_page = $2, updated_at = $3 where id = $1",
        values: [id, 2, at],
      });
      const values: unknown[] = [id];
      for (let j = 0; j < CHANGED_PER_SAVE; j++) {
        const k = scored[(turn * CHANGED_PER_SAVE + j) % scored.length]!;
        values.push(k, String(1 + (turn % 4)), 1 + (turn % 4));
      }
      values.push(at);
      await client.query({ name: "raw_upsert", text: upsert, values });
      await client.query("commit");
    } finally {
      client.release();
    }
  };
  const out: Record<number, { autosave: number; submission: number }> = {};
  for (const clients of CLIENTS) {
    const ids = Array.from({ length: clients }, () => crypto.randomUUID());
    await Promise.all(ids.map((id) => submit(id)));
    const turns = new Array<number>(clients).fill(0);
    const lean = await closedLoop(clients, async (c) => {
      await autosave(ids[c]!, turns[c]!++);
      return true;
    });
    const submission = await closedLoop(clients, async () => {
      await submit(crypto.randomUUID());
      return true;
    });
    out[clients] = { autosave: lean.perSecond, submission: submission.perSecond };
  }
  await pool.end();
  return out;
}

/**
 * A round's published snapshot made in a process of its own (scripts/bench-snapshot.ts), as the
 * server makes it when a round closes: its time, the bare SQL aggregate beside it, the time to
 * read the results back from it, and the process's peak resident memory.
 */
async function snapshotTiming(databaseUrl: string, roundId: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/bench-snapshot.ts", `--url=${databaseUrl}`, `--round=${roundId}`],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d) => (out += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const line = out.trim().split("\n").at(-1) ?? "";
  if (code !== 0) throw new Error(`bench-snapshot failed: ${out}`);
  return JSON.parse(line) as {
    respondents: number;
    snapshotMs: number;
    bareSqlMs: number;
    resultsReadMs: number;
    peakRssMb: number;
  };
}

/**
 * The questionnaire's first load on a poor phone connection (issue 16's profile: 1.6 Mbit/s,
 * 150 ms, the CPU slowed 4x), from the invitation link to the first question usable: the start
 * page, "Start now", the first answer option. Weight is the compressed JavaScript and CSS
 * transferred by then (and by the time the network is idle).
 */
async function pageWeight(url: string) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await emulateSlowPhone(cdp);
    const types = new Map<string, string>();
    const bytes = { script: 0, stylesheet: 0, document: 0, other: 0 };
    cdp.on("Network.responseReceived", (e: { requestId: string; type: string }) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) => {
      const type = (types.get(e.requestId) ?? "Other").toLowerCase();
      const key =
        type === "script"
          ? "script"
          : type === "stylesheet"
            ? "stylesheet"
            : type === "document"
              ? "document"
              : "other";
      bytes[key] += e.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    const start = page.getByRole("button", { name: "Start now" });
    const radio = page.locator("input[type=radio]").first();
    await Promise.race([start.waitFor({ timeout: 60_000 }), radio.waitFor({ state: "visible", timeout: 60_000 })]);
    const startPageMs = Date.now() - started;
    // The page's own clock for the tap (the test driver's is slowed by its own work in the
    // throttled page, which a busy machine makes worse): when the pointer went down on "Start
    // now", and the first frame with the first answer option laid out on screen. (A string, so
    // that no helper of the script's compiler is needed in the page.)
    await page.evaluate(`(() => {
      addEventListener("pointerdown", (e) => { window.__benchTap ??= e.timeStamp; }, { capture: true });
      const check = () => {
        const radio = document.querySelector("input[type=radio]");
        if (radio && radio.getClientRects().length) window.__benchUsable = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })()`);
    // The start page's button is there once the page is hydrated; a person reads, then presses it.
    if (await start.isVisible()) await start.click();
    // Usable: the first answer option of the questionnaire is on screen and can be chosen.
    await radio.waitFor({ state: "visible", timeout: 60_000 });
    const interactiveMs = Date.now() - started;
    const atUsable = { ...bytes };
    const pageClock = (await page.evaluate(`({ tap: window.__benchTap, usable: window.__benchUsable })`)) as {
      tap?: number;
      usable?: number;
    };
    // The page's own clock (not the test driver's, which a busy machine slows): when it was first
    // painted, and when its code had run and hydrated it (the questionnaire's first request).
    const firstPaintMs = await page.evaluate(() =>
      Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN),
    );
    // The page's code may run after a quiet spell (components/deferred-scripts.tsx): wait for it,
    // then for the network to be idle, so that the total weight includes SurveyJS.
    await page.waitForFunction(
      () => performance.getEntriesByType("resource").some((r) => r.name.endsWith("/questionnaire")),
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    await page.waitForLoadState("networkidle");
    const hydratedMs = await page.evaluate(() =>
      Math.round(
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((r) =>
          r.name.endsWith("/questionnaire"),
        )?.startTime ?? NaN,
      ),
    );
    return {
      jsKbAtUsable: Math.round(atUsable.script / 1024),
      cssKbAtUsable: Math.round(atUsable.stylesheet / 1024),
      jsPlusCssKbAtUsable: Math.round((atUsable.script + atUsable.stylesheet) / 1024),
      jsPlusCssKb: Math.round((bytes.script + bytes.stylesheet) / 1024),
      htmlKb: Math.round(bytes.document / 1024),
      startPageMs,
      timeToFirstQuestionMs: interactiveMs,
      firstPaintMs,
      hydratedMs,
      // The page's clock: the first answer option on screen, from the navigation and from the tap.
      usableInPageMs: Math.round(pageClock.usable ?? NaN),
      tapToUsableInPageMs: Math.round((pageClock.usable ?? NaN) - (pageClock.tap ?? NaN)),
      profile: "150 ms RTT, 1.6 Mbit/s down, CPU 4x slower",
    };
  } finally {
    await browser.close();
  }
}

/**
 * What this machine can do over HTTP at all: a bare node:http server in a process of its own,
 * answering the lean autosave's POST (body read and parsed as JSON, a small JSON answer) with
 * no app and no database, driven by the same closed loop as the app.
 */
async function httpFloor() {
  const server = `
    const http = require("node:http");
    const s = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        const parsed = JSON.parse(body);
        const out = JSON.stringify({ ok: true, savedAt: new Date().toISOString(), submitted: false, version: parsed.baseVersion + 1, written: 2, dropped: [] });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
        res.end(out);
      });
    });
    s.listen(0, "127.0.0.1", () => console.log(s.address().port));`;
  const child = spawn(process.execPath, ["-e", server], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once("data", (d) => resolve(Number(String(d)))));
    const rows: Row[] = [];
    for (const clients of CLIENTS) {
      const versions = new Array<number>(clients).fill(1);
      const cpuBefore = cpuMs(child.pid);
      const result = await closedLoop(clients, async (client) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/responses/floor`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: "resume_0123456789abcdef=x" },
          body: JSON.stringify({
            intent: "save",
            changes: { a: 1, b: 2 },
            baseVersion: versions[client],
            currentPage: 2,
          }),
        });
        const body = (await res.json()) as { version: number };
        versions[client] = body.version;
        return res.ok;
      });
      const cpuAfter = cpuMs(child.pid);
      rows.push({
        kind: "HTTP floor (bare node:http)",
        clients,
        ...result,
        serverCpuMsPerRequest:
          cpuBefore === null || cpuAfter === null
            ? null
            : round1((cpuAfter - cpuBefore) / Math.max(1, result.requests)),
      });
    }
    return rows;
  } finally {
    child.kill();
  }
}

async function runOn(label: string, databaseUrl: string | undefined) {
  // A busy machine can take a while to start the server.
  const app = await startApp({ databaseUrl, startTimeoutMs: 300_000 });
  const out: Record<string, unknown> = {};
  try {
    const round = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    if (args.has("--page-only")) {
      out.page = await pageWeight(`${app.url}/s/${invitation.token}`);
      report.runs[label] = out;
      console.table([out.page]);
      return;
    }
    const agencies = await listAgencies(app.db, round.partnership_id);
    const survey = questionnaireFor(round, agencies, "professional");
    const endpoint = `${app.url}/api/responses/${invitation.token}`;
    const random = seededRandom(7);
    const answerSets = Array.from({ length: 64 }, () => demoAnswers(survey, random, { agencies }));
    out.itemsPerResponse = Object.keys(answerSets[0]!).length;
    out.serverIdleRssMb = memorySampler(app.pid()).stop();

    const load = await appLoad(app, endpoint, answerSets);
    const raw = isPostgres(app.databaseUrl)
      ? await pgRawLimits(app.databaseUrl, round.id, invitation.id, answerSets[0]!)
      : sqliteRawLimits(app.databaseUrl.replace(/^file:/, ""), round.id, invitation.id, answerSets[0]!);
    out.rawLimits = raw;
    out.throughput = load.map((row) => {
      const limit = raw[Number(row.clients)]![row.kind === "submission" ? "submission" : "autosave"];
      return { ...row, rawPerSecond: limit, ratioToRaw: Math.round((Number(row.perSecond) / limit) * 100) / 100 };
    });

    const snapshots = [];
    for (const count of [...RESULTS_SIZES, NATIONAL].filter((n) => n > 0)) {
      const t = performance.now();
      const roundId = await generateRound(app.db, round.partnership_id, survey, agencies, count);
      console.log(`  ${label}: ${count} respondents generated in ${Math.round((performance.now() - t) / 1000)} s`);
      snapshots.push(await snapshotTiming(app.databaseUrl, roundId));
    }
    out.snapshots = snapshots.map((s) => ({
      ...s,
      ratio: Math.round((s.snapshotMs / Math.max(1, s.bareSqlMs)) * 100) / 100,
    }));
    if (!args.has("--no-page")) out.page = await pageWeight(`${app.url}/s/${invitation.token}`);
  } finally {
    await app.stop();
  }
  report.runs[label] = out;
}

if (!args.has("--no-build")) {
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}
if (!args.has("--page-only")) report.runs.http = { floor: await httpFloor() };
await onFreshDatabases({ prefix: "bench", postgresUrl: process.env.DATABASE_URL, only: ONLY }, runOn);

// One table: both databases, the app beside the raw limit, every ratio.
const table: Row[] = [];
for (const [db, run] of Object.entries(report.runs) as [
  string,
  { throughput?: Row[]; snapshots?: Row[]; floor?: Row[] },
][]) {
  for (const t of run.floor ?? [])
    table.push({
      db,
      measure: `${t.kind} @${t.clients}`,
      app: `${t.perSecond}/s`,
      raw: null,
      ratio: null,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      failed: t.failed,
      serverCpuMs: t.serverCpuMsPerRequest,
      peakRssMb: null,
    });
  for (const t of run.throughput ?? [])
    table.push({
      db,
      measure: `${t.kind} @${t.clients}`,
      app: `${t.perSecond}/s`,
      raw: `${t.rawPerSecond}/s`,
      ratio: t.ratioToRaw,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      failed: t.failed,
      serverCpuMs: t.serverCpuMsPerRequest,
      peakRssMb: t.serverPeakRssMb,
    });
  for (const s of run.snapshots ?? [])
    table.push({
      db,
      measure: `snapshot ${s.respondents}`,
      app: `${s.snapshotMs} ms`,
      raw: `${s.bareSqlMs} ms (bare SQL)`,
      ratio: s.ratio,
      medianMs: null,
      p95Ms: null,
      failed: null,
      serverCpuMs: null,
      peakRssMb: s.peakRssMb,
    });
}
console.log(`\nload average at start ${report.loadAverage.join(", ")}; ${DURATION_S} s per load; PG pool ${POOL_MAX}`);
console.table(table);
for (const [db, run] of Object.entries(report.runs) as [string, { page?: unknown }][])
  if (run.page) console.log(db, "page:", run.page);
fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
const file = path.join(ROOT, "bench/results", `${report.date.replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify({ ...report, table }, null, 2) + "\n");
console.log(`\nSaved ${path.relative(ROOT, file)}`);

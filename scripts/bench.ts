/**
 * npm run bench: measures the respondent path and the reports against the machine's own
 * limits, in one run, on SQLite and (when DATABASE_URL names one) on PostgreSQL:
 *  1. autosave and submission throughput of the real HTTP endpoints (an ~80-item response)
 *     at 50 and 200 concurrent clients (autocannon, loopback), beside the raw insert limit of
 *     the same rows in the same transaction shape straight into the database;
 *  2. the time to compute a round's full results for 1,000 and 10,000 respondents, beside the
 *     bare SQL aggregate over the same rows;
 *  3. the questionnaire's weight (compressed JS + CSS by the time the first question is
 *     usable) and the time from the invitation link to that first question, through the start
 *     page, in headless Chromium on a throttled phone (1.6 Mbit/s, 150 ms, CPU 4x).
 * `npm run bench -- --page-only` measures only the third (the build is done first unless
 * `--no-build`).
 * Figures are printed as a table and saved to bench/results/<date>.json with the CPU.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { sql, type Kysely } from "kysely";
import { isPostgres, now, openDatabase } from "../app/db.server";
import { sha256 } from "../app/crypto.server";
import { demoAnswers, seededRandom } from "../app/domain/demo-answers";
import { readScoredItems, type SurveyJson } from "../app/domain/instrument";
import { scoreRound } from "../app/domain/scoring";
import { listAgencies } from "../app/models/partnership.server";
import { allMarkers, questionnaireFor, SURVEYS } from "../app/models/questionnaire.server";
import { loadSubmittedResponses } from "../app/models/results.server";
import { launchBrowser, ROOT, startApp } from "../tests/support/app-server";
import type { Database } from "../db/schema";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const args = new Set(process.argv.slice(2));

type Row = Record<string, string | number>;
const report: {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  runs: Record<string, unknown>;
} = {
  date: new Date().toISOString(),
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  runs: {},
};

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(opts: { url: string; connections: number; body: (i: number) => string; cookies?: string[] }) {
  const latencies: number[] = [];
  let counter = 0;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: DURATION_S,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const i = counter++;
          return {
            ...req,
            body: opts.body(i),
            headers: {
              "content-type": "application/json",
              ...(opts.cookies ? { cookie: opts.cookies[i % opts.cookies.length]! } : {}),
            },
          };
        },
      },
    ],
    setupClient: (client: { on(event: "response", fn: (status: number, bytes: number, ms: number) => void): void }) => {
      client.on("response", (_status, _bytes, ms) => latencies.push(ms));
    },
  } as unknown as autocannon.Options);
  latencies.sort((a, b) => a - b);
  const ok = result["2xx"];
  return {
    connections: opts.connections,
    requestsPerSecond: Math.round(ok / result.duration),
    non2xx: result.non2xx,
    errors: result.errors,
    medianMs: Math.round(percentile(latencies, 50) * 10) / 10,
    p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
  };
}

/** The raw limit: the submission's rows written straight to the database, same transaction shape. */
async function rawInsertLimit(
  db: Kysely<Database>,
  roundId: string,
  invitationId: string,
  answers: Record<string, string | number>,
) {
  const keys = Object.keys(answers);
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < DURATION_S * 1000) {
    await db.transaction().execute(async (trx) => {
      const id = crypto.randomUUID();
      const at = now();
      await trx
        .insertInto("responses")
        .values({
          id,
          round_id: roundId,
          invitation_id: invitationId,
          kind: "professional",
          resume_hash: sha256(id),
          respondent_level: "team",
          agency_type: "health",
          agency_id: null,
          family_group: null,
          status: "in_progress",
          current_page: 0,
          created_at: at,
          updated_at: at,
          submitted_at: null,
        })
        .execute();
      await trx.deleteFrom("answers").where("response_id", "=", id).where("item_key", "not in", keys).execute();
      await trx
        .insertInto("answers")
        .values(
          keys.map((k) => ({
            response_id: id,
            item_key: k,
            value: JSON.stringify(answers[k]),
            numeric: typeof answers[k] === "number" ? (answers[k] as number) : null,
            updated_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["response_id", "item_key"]).doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            numeric: eb.ref("excluded.numeric"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .execute();
      await trx.updateTable("responses").set({ status: "submitted", submitted_at: at }).where("id", "=", id).execute();
    });
    n++;
  }
  return Math.round(n / ((performance.now() - started) / 1000));
}

/** Inserts `count` submitted responses into a new round, quickly (batched, in transactions). */
async function generateRound(
  db: Kysely<Database>,
  partnershipId: string,
  survey: SurveyJson,
  agencies: { id: string }[],
  count: number,
) {
  const roundId = crypto.randomUUID();
  const at = now();
  await db
    .insertInto("rounds")
    .values({
      id: roundId,
      partnership_id: partnershipId,
      name: `Bench ${count}`,
      form: "full",
      include_continuum: 1,
      include_family: 0,
      opens_on: "2026-01-01",
      closes_on: "2026-12-31",
      status: "closed",
      suppression_threshold: 5,
      created_at: at,
      closed_at: at,
    })
    .execute();
  const random = seededRandom(count);
  for (let start = 0; start < count; start += 250) {
    await db.transaction().execute(async (trx) => {
      const answers: Database["answers"][] = [];
      const responses = [];
      for (let i = start; i < Math.min(count, start + 250); i++) {
        const id = crypto.randomUUID();
        const a = demoAnswers(survey, random, { agencies });
        responses.push({
          id,
          round_id: roundId,
          invitation_id: null,
          kind: "professional" as const,
          resume_hash: sha256(id),
          respondent_level: String(a.respondent_level),
          agency_type: String(a.respondent_agency_type),
          agency_id:
            typeof a.respondent_agency === "string" && a.respondent_agency !== "none" ? a.respondent_agency : null,
          family_group: null,
          status: "submitted" as const,
          current_page: 0,
          created_at: at,
          updated_at: at,
          submitted_at: at,
        });
        for (const [k, v] of Object.entries(a))
          answers.push({
            response_id: id,
            item_key: k,
            value: JSON.stringify(v),
            numeric: typeof v === "number" ? v : null,
            updated_at: at,
          });
      }
      await trx.insertInto("responses").values(responses).execute();
      for (let j = 0; j < answers.length; j += 2000)
        await trx
          .insertInto("answers")
          .values(answers.slice(j, j + 2000))
          .execute();
    });
  }
  return roundId;
}

async function resultsTiming(
  db: Kysely<Database>,
  partnershipId: string,
  survey: SurveyJson,
  agencies: { id: string; name: string; agency_type: string }[],
  count: number,
) {
  const roundId = await generateRound(db, partnershipId, survey, agencies, count);
  const items = readScoredItems(SURVEYS.professional);
  const familyItems = readScoredItems(SURVEYS.family);
  const markers = allMarkers();
  const time = async (fn: () => Promise<unknown>) => {
    await fn(); // warm
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await fn();
      runs.push(performance.now() - t);
    }
    return Math.round(Math.min(...runs));
  };
  const fullMs = await time(async () => {
    const responses = await loadSubmittedResponses(db, { roundId, form: "full" });
    return scoreRound({
      responses,
      items,
      familyItems,
      markers,
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, type: a.agency_type as never })),
      threshold: 5,
    });
  });
  const sqlMs = await time(() =>
    db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select(["answers.item_key", (eb) => eb.fn.countAll().as("n"), (eb) => eb.fn.avg("answers.numeric").as("mean")])
      .where("responses.round_id", "=", roundId)
      .where("responses.status", "=", "submitted")
      .groupBy("answers.item_key")
      .execute(),
  );
  return {
    respondents: count,
    fullResultsMs: fullMs,
    bareSqlMs: sqlMs,
    ratio: Math.round((fullMs / Math.max(1, sqlMs)) * 100) / 100,
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
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    // A slow mobile connection (Chrome DevTools' "Slow 4G" profile): 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
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
    await Promise.race([start.waitFor({ timeout: 60_000 }), radio.waitFor({ state: "attached", timeout: 60_000 })]);
    const startPageMs = Date.now() - started;
    // The start page's button is there once the page is hydrated; a person reads, then presses it.
    if (await start.isVisible()) await start.click();
    // Usable: the first answer option of the questionnaire can be chosen.
    await radio.waitFor({ state: "attached", timeout: 60_000 });
    const interactiveMs = Date.now() - started;
    const atUsable = { ...bytes };
    await page.waitForLoadState("networkidle");
    return {
      jsKbAtUsable: Math.round(atUsable.script / 1024),
      cssKbAtUsable: Math.round(atUsable.stylesheet / 1024),
      jsPlusCssKbAtUsable: Math.round((atUsable.script + atUsable.stylesheet) / 1024),
      jsPlusCssKb: Math.round((bytes.script + bytes.stylesheet) / 1024),
      htmlKb: Math.round(bytes.document / 1024),
      startPageMs,
      timeToFirstQuestionMs: interactiveMs,
      profile: "150 ms RTT, 1.6 Mbit/s down, CPU 4x slower",
    };
  } finally {
    await browser.close();
  }
}

async function runOn(label: string, databaseUrl: string | undefined) {
  const app = await startApp({ databaseUrl });
  const out: Record<string, unknown> = {};
  try {
    if (args.has("--page-only")) {
      const round = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
      const invitation = await app.db
        .selectFrom("invitations")
        .selectAll()
        .where("round_id", "=", round.id)
        .where("kind", "=", "professional")
        .executeTakeFirstOrThrow();
      out.page = await pageWeight(`${app.url}/s/${invitation.token}`);
      report.runs[label] = out;
      console.table([out.page]);
      return;
    }
    const round = await app.db.selectFrom("rounds").selectAll().executeTakeFirstOrThrow();
    const invitation = await app.db
      .selectFrom("invitations")
      .selectAll()
      .where("round_id", "=", round.id)
      .where("kind", "=", "professional")
      .executeTakeFirstOrThrow();
    const agencies = await listAgencies(app.db, round.partnership_id);
    const survey = questionnaireFor(round, agencies, "professional");
    const endpoint = `${app.url}/api/responses/${invitation.token}`;
    const random = seededRandom(7);
    const answerSets = Array.from({ length: 64 }, () => demoAnswers(survey, random, { agencies }));
    const itemsPerResponse = Object.keys(answerSets[0]!).length;
    out.itemsPerResponse = itemsPerResponse;

    // Autosave: clients updating their own in-progress responses.
    const cookies: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ intent: "save", answers: answerSets[i % 64], currentPage: 1 }),
      });
      cookies.push(res.headers.get("set-cookie")!.split(";")[0]!);
    }
    const bodies = answerSets.map((a) => ({
      save: JSON.stringify({ intent: "save", answers: a, currentPage: 2 }),
      submit: JSON.stringify({ intent: "submit", answers: a, currentPage: 9 }),
    }));
    const throughput: Row[] = [];
    for (const connections of [50, 200]) {
      const autosave = await load({ url: endpoint, connections, body: (i) => bodies[i % 64]!.save, cookies });
      const submission = await load({ url: endpoint, connections, body: (i) => bodies[i % 64]!.submit });
      throughput.push({ kind: "autosave", ...autosave }, { kind: "submission", ...submission });
    }
    const raw = await rawInsertLimit(app.db, round.id, invitation.id, answerSets[0]!);
    out.rawInsertPerSecond = raw;
    out.throughput = throughput.map((t) => ({
      ...t,
      ratioToRaw: Math.round((Number(t.requestsPerSecond) / raw) * 100) / 100,
    }));

    out.results = [
      await resultsTiming(app.db, round.partnership_id, survey, agencies, 1000),
      await resultsTiming(app.db, round.partnership_id, survey, agencies, 10000),
    ];
    out.page = await pageWeight(`${app.url}/s/${invitation.token}`);
    const cache = await fetch(`${app.url}/`).then((r) => r.text());
    const asset = /\/build\/[^"]+\.js/.exec(cache)?.[0];
    if (asset) {
      const head = await fetch(`${app.url}${asset}`, { headers: { "accept-encoding": "gzip, br" } });
      out.assetHeaders = {
        cacheControl: head.headers.get("cache-control"),
        contentEncoding: head.headers.get("content-encoding"),
      };
    }
  } finally {
    await app.stop();
  }
  report.runs[label] = out;
  console.log(`\n== ${label} ==`);
  console.log(`answers per response: ${out.itemsPerResponse}; raw insert limit: ${out.rawInsertPerSecond} responses/s`);
  console.table(out.throughput);
  console.table(out.results);
  console.table([out.page]);
  console.log("static assets:", out.assetHeaders);
}

if (!args.has("--no-build")) {
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}
await runOn("sqlite", undefined);
const pgUrl = process.env.DATABASE_URL;
if (pgUrl && isPostgres(pgUrl)) {
  const schema = `bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = openDatabase(pgUrl);
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const sep = pgUrl.includes("?") ? "&" : "?";
  try {
    await runOn("postgres", `${pgUrl}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  }
}
fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
const file = path.join(ROOT, "bench/results", `${report.date.replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
console.log(`\nSaved ${path.relative(ROOT, file)}`);

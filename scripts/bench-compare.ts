/**
 * Benchmark of the commissioner view (issue 7): 400 areas x 1 closed round x 100 submitted
 * responses, every question answered as the demo generator answers it (about 115 answers a
 * response, 91 of them scored items: ~4.6 M answers), each round with its final published
 * snapshot (made as closing makes it; the comparison reads snapshots only). Reports the time
 * of making the snapshots, of the comparison query, of the page's HTML from the built server,
 * and in headless Chromium the time until the heatmap is drawn.
 *
 *   npm run build && npx tsx scripts/bench-compare.ts                 # SQLite (temporary file)
 *   DATABASE_URL=postgres://u:p@host/db npx tsx scripts/bench-compare.ts   # PostgreSQL: a new
 *       database is created beside the named one and dropped at the end
 *
 * Options: --areas N (400), --respondents N (100), --keep (leave the data in place), --db URL (a
 * database an earlier `--keep` run left: skips making the data), --runs N (browser runs, 4).
 * The figures are saved to bench/results/<date>-compare.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { hashPassword, newId, randomToken, sha256 } from "../app/crypto.server";
import { migrateToLatest, openDatabase } from "../app/db.server";
import { demoAnswers, seededRandom } from "../app/domain/demo-answers";
import { COMPONENT_KEYS, type ComponentKey } from "../app/domain/framework";
import { compareAreas, listSharedAreas } from "../app/models/compare.server";
import { agencyInputs } from "../app/models/report.server";
import { takeSnapshot } from "../app/models/snapshot.server";
import { sessionCookie } from "../tests/support/seed-rounds";
import { syncItemCatalogue } from "../app/models/item-catalogue.server";
import { questionnaireFor } from "../app/models/questionnaire.server";
import { launchBrowser, startApp } from "../tests/support/app-server";
import { describeRuns, measurePage, median, saveResult } from "./bench-page";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const AREAS = option("areas", 400);
const RESPONDENTS = option("respondents", 100);
const KEEP = args.includes("--keep");
const QUERY_ONLY = args.includes("--query-only");
const REUSE = args.includes("--db") ? args[args.indexOf("--db") + 1]! : null;
const RUNS = option("runs", 4);
const AGENCY_TYPES = ["social_work", "health", "education", "police", "housing", "voluntary"] as const;

const base = process.env.DATABASE_URL;
const onPostgres = Boolean(base && /^postgres(ql)?:\/\//.test(base));

const ms = (t0: number) => Math.round(performance.now() - t0);

async function main() {
  // A database of the bench's own.
  let url: string;
  let cleanup: () => Promise<void>;
  if (REUSE) {
    url = REUSE;
    cleanup = async () => {};
  } else if (onPostgres) {
    const name = `bench_compare_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-bench-compare-"));
    url = `file:${path.join(dir, "bench.db")}`;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Database: ${onPostgres ? "PostgreSQL" : "SQLite"} (${url.replace(/:[^:@/]+@/, ":***@")})`);

  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    await syncItemCatalogue(db);

    // The commissioner, with a session the page requests can use.
    const at = new Date().toISOString();
    const reused = REUSE
      ? await db
          .selectFrom("users")
          .select("id")
          .where("email", "=", "bench-commissioner@example.org")
          .executeTakeFirst()
      : undefined;
    const commissionerId = reused?.id ?? newId();
    if (!reused)
      await db
        .insertInto("users")
        .values({
          id: commissionerId,
          email: "bench-commissioner@example.org",
          name: "Bench commissioner",
          password_hash: await hashPassword("bench-password-1"),
          is_admin: 0,
          created_at: at,
        })
        .execute();
    const cookie = await sessionCookie(db, commissionerId);

    // Generate and load.
    const t0 = performance.now();
    if (!REUSE) {
      const loader = onPostgres ? await postgresLoader(url) : sqliteLoader(url);
      const random = seededRandom(7);
      let answersTotal = 0;
      for (let a = 0; a < AREAS; a++) {
        const pid = newId();
        const rid = newId();
        const agencies = AGENCY_TYPES.map((type, i) => ({
          id: newId(),
          partnership_id: pid,
          name: `Area ${a + 1} agency ${i + 1}`,
          agency_type: type,
          created_at: at,
        }));
        const round = {
          id: rid,
          partnership_id: pid,
          name: "2026 round",
          form: "full" as const,
          include_continuum: 1,
          include_family: 0,
          opens_on: "2026-01-01",
          closes_on: "2026-03-01",
          status: "closed" as const,
          suppression_threshold: 5,
          created_at: at,
          closed_at: "2026-03-01T12:00:00.000Z",
        };
        const invitationId = newId();
        const survey = questionnaireFor(round, agencies, "professional");
        // Each area leans its own way, so the comparison has something to show.
        const lean = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, 0.2 + random() * 0.6])) as Record<
          ComponentKey,
          number
        >;
        const responses: unknown[][] = [];
        const answers: unknown[][] = [];
        for (let r = 0; r < RESPONDENTS; r++) {
          const id = newId();
          const values = demoAnswers(survey, random, { agencies, lean });
          responses.push([
            id,
            rid,
            invitationId,
            "professional",
            sha256(id),
            values.respondent_level ?? null,
            values.respondent_agency_type ?? null,
            typeof values.respondent_agency === "string" && values.respondent_agency !== "none"
              ? values.respondent_agency
              : null,
            null,
            "submitted",
            0,
            at,
            at,
            at,
          ]);
          for (const [key, value] of Object.entries(values))
            answers.push([id, key, JSON.stringify(value), typeof value === "number" ? value : null, at]);
        }
        answersTotal += answers.length;
        await loader.area({
          partnership: [
            pid,
            `Area ${String(a + 1).padStart(3, "0")}`,
            `Area ${a + 1}`,
            `Area ${a + 1} Council`,
            null,
            0,
            at,
            at,
          ],
          agencies: agencies.map((x) => [x.id, x.partnership_id, x.name, x.agency_type, x.created_at]),
          round: [
            rid,
            pid,
            round.name,
            round.form,
            1,
            0,
            round.opens_on,
            round.closes_on,
            "closed",
            5,
            at,
            round.closed_at,
          ],
          invitation: [invitationId, rid, randomToken(), "professional", "Everyone", null, null, at, null],
          grant: [commissionerId, pid, null, at],
          responses,
          answers,
        });
        if ((a + 1) % 50 === 0) process.stdout.write(`  ${a + 1} areas loaded (${ms(t0)} ms)\n`);
      }
      await loader.finish();
      console.log(`Loaded ${AREAS} areas, ${AREAS * RESPONDENTS} responses, ${answersTotal} answers in ${ms(t0)} ms`);

      // Each round's final snapshot, as closing it makes one (the comparison reads only snapshots).
      const s0 = performance.now();
      const closed = await db.selectFrom("rounds").selectAll().execute();
      for (const round of closed)
        await takeSnapshot(db, {
          round,
          kind: "final",
          agencies: await agencyInputs(db, round.partnership_id),
          at: round.closed_at ?? undefined,
        });
      console.log(`Snapshots of ${closed.length} closed rounds made in ${ms(s0)} ms`);
    }

    // The query, in process.
    const user = { id: commissionerId, is_admin: 0 };
    const areas = await listSharedAreas(db, user);
    const queryTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const q0 = performance.now();
      const comparison = await compareAreas(db, { areas, filter: { kind: "all" } });
      queryTimes.push(ms(q0));
      if (i === 0) {
        const shown = comparison.areas.filter((x) => x.current?.components.vision.overall.status === "ok").length;
        console.log(
          `  first run: ${queryTimes[0]} ms (${shown} of ${comparison.areas.length} areas with a vision score; benchmark ${comparison.benchmark.components.vision.status})`,
        );
      }
    }
    const filteredTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const q0 = performance.now();
      await compareAreas(db, { areas, filter: { kind: "level", key: "team" } });
      filteredTimes.push(ms(q0));
    }
    console.log(
      `Query (compareAreas, ${areas.length} areas): median ${median(queryTimes)} ms [${queryTimes.join(", ")}]; filtered by level: median ${median(filteredTimes)} ms`,
    );

    if (QUERY_ONLY) return;
    // The page, from the built server.
    const app = await startApp({ seed: false, databaseUrl: url, env: { SEED_DEMO: "0" } });
    try {
      const pageUrl = `${app.url}/compare?area=all`;
      // The app's session cookie is signed (Remix createCookie): send it as a browser would.
      const htmlTimes: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 4; i++) {
        const p0 = performance.now();
        const res = await fetch(pageUrl, { headers: { Cookie: cookie } });
        const html = await res.text();
        if (!res.ok) throw new Error(`Page answered ${res.status}: ${html.slice(0, 300)}`);
        htmlTimes.push(ms(p0));
        bytes = Buffer.byteLength(html);
        if (process.env.BENCH_SAVE_HTML) fs.writeFileSync(process.env.BENCH_SAVE_HTML, html);
      }
      console.log(
        `Page HTML (${(bytes / 1024).toFixed(0)} KB): median ${median(htmlTimes)} ms [${htmlTimes.join(", ")}]`,
      );

      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addCookies([{ name: "__session", value: cookie.slice("__session=".length), url: app.url }]);
        const runs = await measurePage(context, pageUrl, '[data-testid="heatmap-chart"] svg', RUNS);
        const target = 2000;
        const met = median(runs.map((r) => r.totalMs)) < target;
        console.log(
          `Browser, navigation to heatmap visible: ${describeRuns(runs)} (target < ${target} ms: ${met ? "met" : "NOT met"})`,
        );
        const file = saveResult("compare", {
          options: { areas: AREAS, respondents: RESPONDENTS, database: onPostgres ? "postgres" : "sqlite" },
          queryMs: { median: median(queryTimes), runs: queryTimes },
          pageHtml: { kb: Math.round(bytes / 1024), median: median(htmlTimes), runs: htmlTimes },
          browser: { targetMs: target, met, medianMs: median(runs.map((r) => r.totalMs)), runs },
        });
        console.log(`Saved ${path.relative(process.cwd(), file)}`);
      } finally {
        await browser.close();
      }
    } finally {
      await app.stop();
    }
  } finally {
    await db.destroy();
    if (!KEEP) await cleanup();
    else console.log(`Kept: ${url}`);
  }
}

interface AreaRows {
  partnership: unknown[];
  agencies: unknown[][];
  round: unknown[];
  invitation: unknown[];
  grant: unknown[];
  responses: unknown[][];
  answers: unknown[][];
}

/** SQLite: prepared statements in one transaction per area, on a connection of the loader's own. */
function sqliteLoader(url: string) {
  const conn = new SQLite(url.replace(/^file:/, ""));
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = OFF");
  const ins = (table: string, n: number) =>
    conn.prepare(`insert into ${table} values (${Array.from({ length: n }, () => "?").join(", ")})`);
  const partnership = ins(
    "partnerships (id, name, area, local_authority, retention_months, is_demo, created_at, updated_at)",
    8,
  );
  const agency = ins("agencies (id, partnership_id, name, agency_type, created_at)", 5);
  const round = ins(
    "rounds (id, partnership_id, name, form, include_continuum, include_family, opens_on, closes_on, status, suppression_threshold, created_at, closed_at)",
    12,
  );
  const invitation = ins(
    "invitations (id, round_id, token, kind, label, agency_type, level, created_at, revoked_at)",
    9,
  );
  const grant = ins("commissioner_grants (user_id, partnership_id, granted_by, created_at)", 4);
  const response = ins(
    "responses (id, round_id, invitation_id, kind, resume_hash, respondent_level, agency_type, agency_id, family_group, status, current_page, created_at, updated_at, submitted_at)",
    14,
  );
  const answer = ins("answers (response_id, item_key, value, numeric, updated_at)", 5);
  const load = conn.transaction((rows: AreaRows) => {
    partnership.run(rows.partnership);
    for (const a of rows.agencies) agency.run(a);
    round.run(rows.round);
    invitation.run(rows.invitation);
    grant.run(rows.grant);
    for (const r of rows.responses) response.run(r);
    for (const a of rows.answers) answer.run(a);
  });
  return {
    area: async (rows: AreaRows) => load(rows),
    finish: async () => {
      conn.exec("analyze");
      conn.close();
    },
  };
}

/** PostgreSQL: one transaction per area, the big tables through unnest() of arrays. */
async function postgresLoader(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const column = (rows: unknown[][], i: number) => rows.map((r) => r[i]);
  return {
    area: async (rows: AreaRows) => {
      await client.query("begin");
      await client.query(
        "insert into partnerships (id, name, area, local_authority, retention_months, is_demo, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
        rows.partnership,
      );
      for (const a of rows.agencies)
        await client.query(
          "insert into agencies (id, partnership_id, name, agency_type, created_at) values ($1, $2, $3, $4, $5)",
          a,
        );
      await client.query(
        "insert into rounds (id, partnership_id, name, form, include_continuum, include_family, opens_on, closes_on, status, suppression_threshold, created_at, closed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        rows.round,
      );
      await client.query(
        "insert into invitations (id, round_id, token, kind, label, agency_type, level, created_at, revoked_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        rows.invitation,
      );
      await client.query(
        "insert into commissioner_grants (user_id, partnership_id, granted_by, created_at) values ($1, $2, $3, $4)",
        rows.grant,
      );
      await client.query(
        `insert into responses (id, round_id, invitation_id, kind, resume_hash, respondent_level, agency_type, agency_id, family_group, status, current_page, created_at, updated_at, submitted_at)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[])`,
        Array.from({ length: 14 }, (_, i) => column(rows.responses, i)),
      );
      await client.query(
        `insert into answers (response_id, item_key, value, numeric, updated_at)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::real[], $5::text[])`,
        Array.from({ length: 5 }, (_, i) => column(rows.answers, i)),
      );
      await client.query("commit");
    },
    finish: async () => {
      await client.query("analyze");
      await client.end();
    },
  };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

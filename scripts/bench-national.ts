/**
 * Benchmark of the national view (issue 18): 400 areas sharing nationally, 3 closed rounds each
 * with a final snapshot (1,200 snapshots of ~115 KB, copied from real scored demo rounds so their
 * size and shape are real). Reports the time to load and assemble the view in process, the page's
 * HTML from the built server (first request, which digests every snapshot once, then warm), and in
 * headless Chromium the time from navigation until the strip plot is drawn.
 *
 *   npm run build && npm run bench:national            # SQLite (temporary file)
 *
 * Options: --areas N (400), --rounds N (3), --runs N (browser runs, 4). The figures are saved to
 * bench/results/<date>-national.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { newId } from "../app/crypto.server";
import { migrateToLatest, openDatabase } from "../app/db.server";
import { assembleNationalView } from "../app/domain/national";
import { DEMO_NATIONAL_VIEWER, seedDemoAreas } from "../app/models/demo.server";
import { loadNationalAreas } from "../app/models/national.server";
import { launchBrowser, startApp } from "../tests/support/app-server";
import { sessionCookie } from "../tests/support/seed-rounds";
import { describeRuns, measurePage, median, saveResult } from "./bench-page";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const AREAS = option("areas", 400);
const ROUNDS = option("rounds", 3);
const RUNS = option("runs", 4);

const ms = (t0: number) => Math.round(performance.now() - t0);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-national-"));
  const url = `file:${path.join(dir, "app.db")}`;
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    // Real scored snapshots to copy: the demo areas' final snapshots.
    await seedDemoAreas(db);
    const templates = await db
      .selectFrom("result_snapshots")
      .select(["result_json", "submitted_count"])
      .where("kind", "=", "final")
      .execute();
    // Only the demo's areas are replaced: the bench's own areas are the ones that share.
    await db.deleteFrom("national_sharing").execute();
    const at = new Date().toISOString();
    const year = new Date().getUTCFullYear();
    let bytes = 0;
    for (let a = 0; a < AREAS; a++) {
      const pid = newId();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("partnerships")
          .values({
            id: pid,
            name: `Bench area ${String(a + 1).padStart(3, "0")}`,
            area: `Area ${a + 1}`,
            local_authority: `Council ${a + 1}`,
            retention_months: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await trx
          .insertInto("national_sharing")
          .values({ partnership_id: pid, consented_by: null, consented_at: at })
          .execute();
        for (let r = 0; r < ROUNDS; r++) {
          const rid = newId();
          const closes = `${year - (ROUNDS - 1 - r)}-09-${String(1 + (a % 28)).padStart(2, "0")}`;
          await trx
            .insertInto("rounds")
            .values({
              id: rid,
              partnership_id: pid,
              name: `Round ${r + 1}`,
              form: "full",
              include_continuum: 1,
              include_family: 0,
              opens_on: closes,
              closes_on: closes,
              status: "closed",
              suppression_threshold: 5,
              created_at: at,
              closed_at: `${closes}T17:00:00.000Z`,
            })
            .execute();
          const template = templates[(a * ROUNDS + r) % templates.length]!;
          bytes += template.result_json.length;
          await trx
            .insertInto("result_snapshots")
            .values({
              id: newId(),
              round_id: rid,
              kind: "final",
              taken_at: `${closes}T17:00:00.000Z`,
              submitted_count: template.submitted_count,
              result_json: template.result_json,
            })
            .execute();
        }
      });
    }
    console.log(
      `Data: ${AREAS} areas x ${ROUNDS} rounds, ${(bytes / 1024 / 1024).toFixed(0)} MB of snapshots, made in ${ms(t0)} ms`,
    );

    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const q0 = performance.now();
      const view = assembleNationalView({ areas: await loadNationalAreas(db) });
      times.push(ms(q0));
      if (i === 0)
        console.log(
          `  first run (digests every snapshot once): ${times[0]} ms; stages ${view.stages.status}, ${view.sharingAreas} areas`,
        );
    }
    console.log(`Load and assemble (in process): median ${median(times)} ms [${times.join(", ")}]`);

    // A session for the demo national viewer, as the sign-in would make.
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", DEMO_NATIONAL_VIEWER.email)
      .executeTakeFirstOrThrow();
    const cookie = await sessionCookie(db, user.id);
    const app = await startApp({ seed: false, databaseUrl: url, env: { SEED_DEMO: "0" } });
    try {
      const pageUrl = `${app.url}/national`;
      const html: number[] = [];
      let size = 0;
      for (let i = 0; i < 4; i++) {
        const p0 = performance.now();
        const res = await fetch(pageUrl, { headers: { Cookie: cookie }, redirect: "manual" });
        const text = await res.text();
        if (!res.ok || !text.includes("National view"))
          throw new Error(`Page answered ${res.status}: ${text.slice(0, 300)}`);
        html.push(ms(p0));
        size = Buffer.byteLength(text);
      }
      console.log(`Page HTML (${(size / 1024).toFixed(0)} KB): median ${median(html)} ms [${html.join(", ")}]`);
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addCookies([{ name: "__session", value: cookie.slice("__session=".length), url: app.url }]);
        const runs = await measurePage(context, pageUrl, '[data-testid="strip-plot"] svg', RUNS);
        const target = 2000;
        const met = median(runs.map((r) => r.totalMs)) < target;
        console.log(
          `Browser, navigation to strip plot drawn: ${describeRuns(runs)} (target < ${target} ms: ${met ? "met" : "NOT met"})`,
        );
        const file = saveResult("national", {
          options: { areas: AREAS, rounds: ROUNDS },
          assembleMs: { median: median(times), runs: times },
          pageHtml: { kb: Math.round(size / 1024), median: median(html), runs: html },
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
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { startChangeFeed } from "./change-feed.server";
import { getDb } from "./db.server";
import { syncItemCatalogue } from "./models/item-catalogue.server";
import { applyRetention } from "./models/retention.server";

declare global {
  var __startupJobs: Promise<void> | undefined;
}

/**
 * The server's start-up jobs, once per process (kept across dev reloads): bring the item
 * catalogue in line with the questionnaire files, then apply partnerships' retention settings
 * now and every six hours. Called from entry.server.tsx; db.server.ts stays a leaf that
 * imports no model.
 *
 * The comparison model also ensures the catalogue before it queries, so a script or a test
 * that never calls this still reads the right tags.
 */
export function runStartupJobs(): Promise<void> {
  global.__startupJobs ??= (async () => {
    const db = await getDb();
    // Listen for other app processes' changes (PostgreSQL) before the first live stream opens.
    await startChangeFeed();
    await syncItemCatalogue(db);
    scheduleRetention(db);
  })().catch((error: unknown) => {
    global.__startupJobs = undefined;
    console.error("Start-up jobs failed:", error);
  });
  return global.__startupJobs;
}

function scheduleRetention(db: Kysely<Database>) {
  if (process.env.NODE_ENV === "test") return;
  const run = () =>
    applyRetention(db).then(
      (purged) =>
        purged.length && console.log(`Retention: deleted the raw answers of ${purged.length} closed round(s).`),
      (error) => console.error("Retention failed:", error),
    );
  void run();
  setInterval(run, 6 * 3600_000).unref();
}

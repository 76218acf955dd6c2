import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { Kysely } from "kysely";
import { migrateToLatest, openDatabase } from "../../app/db.server";
import { seedDemo } from "../../app/models/demo.server";
import type { Database } from "../../db/schema";
import { freePort, ROOT } from "./test-environment";

export { launchBrowser } from "./browser";
export { freePort, ROOT } from "./test-environment";

export interface RunningApp {
  url: string;
  databaseUrl: string;
  db: Kysely<Database>;
  logs: string[];
  /** The server process's id while it runs (npm run bench samples its memory). */
  pid(): number | undefined;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the built app (`node server.mjs`, as `npm start` does) on a free port with a fresh
 * SQLite database of its own, migrated and seeded with the demo partnership.
 */
export async function startApp(
  options: { seed?: boolean; databaseUrl?: string; env?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<RunningApp> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("Build the app first: npm run build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-e2e-"));
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dir, "app.db")}`;
  const db = openDatabase(databaseUrl);
  await migrateToLatest(db);
  if (options.seed !== false) await seedDemo(db);
  const port = await freePort();
  const logs: string[] = [];
  let child: ChildProcess | null = null;

  const app: RunningApp = {
    url: `http://127.0.0.1:${port}`,
    databaseUrl,
    db,
    logs,
    pid: () => child?.pid,
    async start() {
      child = spawn(process.execPath, ["server.mjs"], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_URL: databaseUrl,
          NODE_ENV: "production",
          ...options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.on("data", (d) => logs.push(String(d)));
      child.stderr!.on("data", (d) => logs.push(String(d)));
      // APP_START_TIMEOUT_MS: more time to start on a busy machine.
      const deadline = Date.now() + (options.startTimeoutMs ?? Number(process.env.APP_START_TIMEOUT_MS ?? 20_000));
      for (;;) {
        try {
          const res = await fetch(`${app.url}/healthz`);
          if (res.ok) return;
        } catch {
          /* not listening yet */
        }
        if (child.exitCode !== null) throw new Error(`Server exited: ${logs.join("")}`);
        if (Date.now() > deadline) throw new Error(`Server did not start: ${logs.join("")}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill(signal = "SIGKILL") {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once("exit", () => resolve());
        proc.kill(signal);
        // A graceful stop waits for open connections; don't wait for ever.
        if (signal !== "SIGKILL") setTimeout(() => proc.kill("SIGKILL"), 3000).unref();
      });
    },
    async stop() {
      await app.kill("SIGTERM");
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await app.start();
  return app;
}

/** A new page that fails the test on any console error or uncaught exception. */
export async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return { page, errors };
}

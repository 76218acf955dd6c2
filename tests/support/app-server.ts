import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { sql, type Kysely } from "kysely";
import { isPostgres, migrateToLatest, openDatabase } from "../../app/db.server";
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
      // APP_NODE_ARGS: options for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under a bench.
      const nodeArgs = (process.env.APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
      child = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
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
      // Generous by default (APP_START_TIMEOUT_MS to change): on a busy machine, WEB_CONCURRENCY's
      // workers each load the whole build.
      const deadline = Date.now() + (options.startTimeoutMs ?? Number(process.env.APP_START_TIMEOUT_MS ?? 60_000));
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
  try {
    await app.start();
  } catch (error) {
    // A server that did not come up in time must not outlive the test.
    await app.stop();
    throw error;
  }
  return app;
}

/**
 * A new PostgreSQL schema on the server `baseUrl` names, and a URL whose connections use it
 * (search_path in the URL's options, so an app process started with it uses it too).
 */
export async function newPostgresSchema(
  baseUrl: string,
  prefix = "app",
): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  const admin = openDatabase(baseUrl);
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return {
    url: `${baseUrl}${baseUrl.includes("?") ? "&" : "?"}options=${options}`,
    async drop() {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

/**
 * Runs `work` on each database a benchmark measures, one after the other: a fresh SQLite file in
 * a temporary folder, then, when `postgresUrl` names a PostgreSQL server, a fresh schema of it;
 * each removed afterwards. `only` ("sqlite" or "postgres") keeps one of them.
 */
export async function onFreshDatabases<T>(
  options: { prefix: string; postgresUrl?: string; only?: string },
  work: (label: "sqlite" | "postgres", databaseUrl: string) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  if (options.only !== "postgres") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wt-${options.prefix}-`));
    try {
      out.push(await work("sqlite", `file:${path.join(dir, "bench.db")}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (options.only !== "sqlite" && options.postgresUrl && isPostgres(options.postgresUrl)) {
    const schema = await newPostgresSchema(options.postgresUrl, options.prefix.replace(/-/g, "_"));
    try {
      out.push(await work("postgres", schema.url));
    } finally {
      await schema.drop();
    }
  }
  return out;
}

/**
 * Starts `count` app processes (`node server.mjs`, each on a port of its own) on one fresh
 * PostgreSQL schema, migrated and seeded once: what WEB_CONCURRENCY=N runs, but with each process
 * reachable on its own so that a test can send one request to one and the next to another.
 * `apps[0].db` reads and writes the shared database.
 */
export async function startAppProcesses(
  count: number,
  options: { postgresUrl: string; seed?: boolean; env?: Record<string, string> },
): Promise<{ apps: RunningApp[]; databaseUrl: string; stop(): Promise<void> }> {
  const schema = await newPostgresSchema(options.postgresUrl, "procs");
  const apps: RunningApp[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await schema.drop();
  };
  try {
    for (let i = 0; i < count; i++) {
      apps.push(await startApp({ databaseUrl: schema.url, seed: i === 0 && options.seed !== false, env: options.env }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { apps, databaseUrl: schema.url, stop };
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

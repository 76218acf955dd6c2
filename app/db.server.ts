import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema";
import { migrations } from "../db/migrations";
import { env } from "./env.server";
import { syncItemCatalogue } from "./models/item-catalogue.server";

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Opens a database from a URL: `file:<path>` (SQLite, the embedded default) or
 * `postgres://...`. `searchPath` picks a PostgreSQL schema (used by tests to isolate runs).
 */
export function openDatabase(url: string, options: { searchPath?: string } = {}): Kysely<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // NORMAL is durable against a process crash in WAL mode (only an OS crash can lose the
  // last commits), and several times faster than FULL.
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function isPostgres(url: string) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // On PostgreSQL, keep Kysely's bookkeeping tables in the connection's own schema: without
  // this, a migration table in another schema of the same database is taken for ours.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}

declare global {
  // eslint-disable-next-line no-var
  var __db: Promise<Kysely<Database>> | undefined;
}

/** The app's one database, opened and migrated once per process (kept across dev reloads). */
export function getDb(): Promise<Kysely<Database>> {
  if (!global.__db) {
    global.__db = (async () => {
      const db = openDatabase(env().DATABASE_URL);
      await migrateToLatest(db);
      await syncItemCatalogue(db);
      scheduleRetention(db);
      return db;
    })();
    global.__db.catch(() => {
      global.__db = undefined;
    });
  }
  return global.__db;
}

export const now = () => new Date().toISOString();

/** Applies partnerships' retention settings at start-up and every six hours. */
function scheduleRetention(db: Kysely<Database>) {
  if (process.env.NODE_ENV === "test") return;
  void import("./models/retention.server").then(({ applyRetention }) => {
    const run = () =>
      applyRetention(db).then(
        (purged) => purged.length && console.log(`Retention: deleted the raw answers of ${purged.length} closed round(s).`),
        (error) => console.error("Retention failed:", error),
      );
    void run();
    setInterval(run, 6 * 3600_000).unref();
  });
}

import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type SqliteDialectConfig,
  type Transaction,
} from "kysely";
import pg from "pg";
import type { Database } from "../db/schema";
import { migrations } from "../db/migrations";
import { env } from "./env.server";

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Opens a database from a URL: `file:<path>` (SQLite, the embedded default) or
 * `postgres://...`. `searchPath` picks a PostgreSQL schema (used by tests to isolate runs).
 */
export function openDatabase(
  url: string,
  options: { searchPath?: string; synchronous?: "NORMAL" | "FULL"; poolMax?: number } = {},
): Kysely<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolMax ?? env().PG_POOL_MAX,
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
  // NORMAL (the default) is durable against a killed process in WAL mode, but a power cut or
  // an OS crash can lose the last commits; FULL (SQLITE_SYNCHRONOUS=FULL) syncs the WAL on
  // every commit and loses nothing, at a cost in write throughput (README, "Durability").
  const synchronous = options.synchronous ?? env().SQLITE_SYNCHRONOUS;
  sqlite.pragma(`synchronous = ${synchronous === "FULL" ? "FULL" : "NORMAL"}`);
  return new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * SQLite has one connection. Kysely's driver hands it out through a mutex that, at each release,
 * wakes every request waiting for it, in no promised order: with 200 requests queued that is 200
 * wake-ups per query, and a request can lose the race again and again (issue 19's bench: a p95
 * of 5 s at 200 clients beside a median of 0.3 s). This driver queues the waiting requests first
 * come, first served, and wakes only the next one.
 */
class FifoSqliteDriver extends SqliteDriver {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

class FifoSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new FifoSqliteDriver(this.#config);
  }
}

/**
 * The SQLite handle Kysely is given, with its prepared statements kept by SQL text: Kysely
 * prepares every query it runs, and preparing cost as much as running an autosave's queries
 * (issue 19's profile). A statement that is still being iterated (a streamed query) is busy,
 * so the same SQL meanwhile gets a statement of its own.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      const known = cache.get(source);
      if (known && !known.busy) return known;
      const statement = sqlite.prepare(source);
      if (!known) {
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
        cache.set(source, statement);
      }
      return statement;
    },
  };
}

/** Whether `db` talks to PostgreSQL (the few places whose SQL differs by dialect ask this). */
export function onPostgres(db: Db) {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function isPostgres(url: string) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // On PostgreSQL, keep Kysely's bookkeeping tables in the connection's own schema: without
  // this, a migration table in another schema of the same database is taken for ours.
  const schema = onPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}

declare global {
  var __db: Promise<Kysely<Database>> | undefined;
}

/**
 * The app's one database, opened and migrated once per process (kept across dev reloads).
 * Start-up jobs (item catalogue, retention) run from startup.server.ts, not from here, so that
 * this module imports no model.
 */
export function getDb(): Promise<Kysely<Database>> {
  if (!global.__db) {
    global.__db = (async () => {
      const db = openDatabase(env().DATABASE_URL);
      await migrateToLatest(db);
      return db;
    })();
    global.__db.catch(() => {
      global.__db = undefined;
    });
  }
  return global.__db;
}

export const now = () => new Date().toISOString();

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one, so that a
 * model function composes into a larger transaction.
 *
 * @example
 * await inTransaction(db, async (trx) => { await trx.deleteFrom("x").execute(); await trx.insertInto("x")...; });
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

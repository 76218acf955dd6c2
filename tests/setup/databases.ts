import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { inject } from "vitest";
import { migrateToLatest, openDatabase } from "../../app/db.server";
import type { Database } from "../../db/schema";

export interface TestDatabase {
  dialect: "sqlite" | "postgres";
  url: string;
  searchPath?: string;
  db: Kysely<Database>;
  cleanup(): Promise<void>;
}

/**
 * The dialects the database-layer tests run on: both, always. PostgreSQL is TEST_DATABASE_URL's
 * server or a throwaway embedded one, chosen once per run in tests/setup/global-setup.ts.
 */
export const DIALECTS: ("sqlite" | "postgres")[] = ["sqlite", "postgres"];

/** The PostgreSQL database of this run, in which each test makes a schema of its own. */
export function testDatabaseUrl(): string {
  return inject("testDatabaseUrl");
}

/** A fresh, migrated database of its own: a temporary SQLite file, or a new PostgreSQL schema. */
export async function freshDatabase(dialect: "sqlite" | "postgres"): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    const db = openDatabase(url);
    await migrateToLatest(db);
    return {
      dialect,
      url,
      db,
      async cleanup() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = testDatabaseUrl();
  const schema = `t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = openDatabase(base);
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = openDatabase(base, { searchPath: schema });
  await migrateToLatest(db);
  return {
    dialect,
    url: base,
    searchPath: schema,
    db,
    async cleanup() {
      await db.destroy();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}

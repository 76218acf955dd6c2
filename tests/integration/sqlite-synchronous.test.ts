import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db.server";

/** SQLite's PRAGMA synchronous: 1 is NORMAL, 2 is FULL. */
describe("SQLite durability setting", () => {
  const dirs: string[] = [];
  const open = (synchronous?: "NORMAL" | "FULL") => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wt-sync-"));
    dirs.push(dir);
    return openDatabase(`file:${path.join(dir, "app.db")}`, synchronous ? { synchronous } : {});
  };
  const level = async (db: ReturnType<typeof open>) =>
    (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db)).rows[0]!.synchronous;
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is NORMAL in WAL mode by default, and FULL when SQLITE_SYNCHRONOUS=FULL asks for it", async () => {
    const normal = open(process.env.SQLITE_SYNCHRONOUS ? "NORMAL" : undefined);
    expect(await level(normal)).toBe(1);
    expect((await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(normal)).rows[0]!.journal_mode).toBe(
      "wal",
    );
    await normal.destroy();
    const full = open("FULL");
    expect(await level(full)).toBe(2);
    await full.destroy();
  });
});

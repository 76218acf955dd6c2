import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/**
 * A consistent copy of a live SQLite database, made with SQLite's online backup API: safe
 * while the app is serving (readers and writers carry on; the copy is one point in time).
 */
export async function backupSqlite(databaseFile: string, destination: string): Promise<{ pages: number }> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const source = new SQLite(databaseFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const result = await source.backup(destination);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

/**
 * Brings a backup back as the live database. Run it with the app stopped: the backup is
 * checked first, then copied over the database (through the backup API, so the WAL of the
 * old file is not mixed in).
 */
export async function restoreSqlite(backupFile: string, databaseFile: string): Promise<{ pages: number }> {
  const backup = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup ${backupFile} is damaged: ${String(check)}`);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
    fs.rmSync(databaseFile, { force: true });
    const result = await backup.backup(databaseFile);
    return { pages: result.totalPages };
  } finally {
    backup.close();
  }
}

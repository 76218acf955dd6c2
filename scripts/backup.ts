// npm run backup [-- <destination>]: a consistent copy of the SQLite database while the app serves.
import path from "node:path";
import { backupSqlite } from "../app/backup.server";
import { env } from "../app/env.server";

const url = env().DATABASE_URL;
if (!url.startsWith("file:")) {
  console.error("DATABASE_URL is PostgreSQL: use pg_dump (see the README).");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = process.argv[2] ?? path.join("db", "backups", `app-${stamp}.db`);
const { pages } = await backupSqlite(url.slice("file:".length), destination);
console.log(`Backed up ${pages} pages to ${destination}`);

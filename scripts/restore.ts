// npm run restore -- <backup file>: puts a backup back as the database. Stop the app first.
import { restoreSqlite } from "../app/backup.server";
import { env } from "../app/env.server";

const url = env().DATABASE_URL;
const backup = process.argv[2];
if (!url.startsWith("file:") || !backup) {
  console.error(
    "Usage: npm run restore -- <backup file>   (SQLite only; for PostgreSQL use pg_restore, see the README)",
  );
  process.exit(1);
}
const { pages } = await restoreSqlite(backup, url.slice("file:".length));
console.log(`Restored ${pages} pages from ${backup} to ${url.slice("file:".length)}`);

// The explicit first administrator: `npm run admin -- create EMAIL`.
// An existing account is made administrator; otherwise one is created and a one-time link to
// choose its password (valid 24 hours) is printed. Run it on the server, against its database.
import { z } from "zod";
import { getDb } from "../app/db.server";
import { env } from "../app/env.server";
import { createAdministrator } from "../app/models/user.server";

const [command, email] = process.argv.slice(2);
const parsed = z.string().trim().toLowerCase().email().safeParse(email);
if (command !== "create" || !parsed.success) {
  console.error("Usage: npm run admin -- create EMAIL");
  process.exit(2);
}
const db = await getDb();
const result = await createAdministrator(db, { email: parsed.data, hours: 24 });
if (result.status === "promoted") {
  console.log(`${parsed.data} is now an administrator.`);
} else {
  const base = process.env.PUBLIC_URL ?? `http://localhost:${env().PORT}`;
  console.log(
    `Created the administrator ${parsed.data}. Open this link within 24 hours to choose a password (it works once):`,
  );
  console.log(`${base.replace(/\/$/, "")}/reset-password/${result.resetToken}`);
}
await db.destroy();

// Start-up: migrate the database and seed the demo partnership (idempotent).
import { getDb } from "../app/db.server";
import { env } from "../app/env.server";
import { seedDemo, seedDemoAreas } from "../app/models/demo.server";

const db = await getDb();
if (env().SEED_DEMO === "1") {
  const { created } = await seedDemo(db, { responses: true });
  console.log(created ? "Seeded the demo partnership." : "Demo partnership already present.");
  const areas = await seedDemoAreas(db);
  console.log(areas.created ? `Seeded ${areas.partnershipIds.length} demo areas.` : "Demo areas already present.");
}
console.log(`Database ready (${env().DATABASE_URL.startsWith("file:") ? env().DATABASE_URL : "PostgreSQL"}).`);
await db.destroy();

import { getDb } from "../db.server";

/** Liveness and readiness: the database answers. */
export async function loader() {
  const db = await getDb();
  await db.selectFrom("partnerships").select("id").limit(1).execute();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}

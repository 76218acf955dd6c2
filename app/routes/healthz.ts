import { getDb } from "../db.server";
import { checkDatabase } from "../models/partnership.server";

/** Liveness and readiness: the database answers. */
export async function loader() {
  const db = await getDb();
  await checkDatabase(db);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}

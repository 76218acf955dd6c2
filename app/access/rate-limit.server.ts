/**
 * Fixed-window rate limits, keyed by purpose and client. The counters live in the database
 * (app/models/rate-limit.server.ts), so a limit holds across every app process
 * (WEB_CONCURRENCY > 1 on PostgreSQL).
 */
import { getDb } from "../db.server";
import { countHit, deleteEndedWindows, hitCount } from "../models/rate-limit.server";

export function clientKey(request: Request) {
  return request.headers.get("X-Client-Address") ?? "local";
}

/** Ended windows are deleted at most this often per process. */
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = Date.now();

/**
 * Counts one request and says whether it is within `limit` per `windowMs`; a refused request
 * is counted too (the window does not move, so this changes nothing but the count).
 *
 * @example
 * const limit = await rateLimit("sign-up", clientKey(request), 10, 3_600_000);
 * if (!limit.ok) return new Response(`Wait ${limit.retryAfterSeconds} s`, { status: 429 });
 */
export async function rateLimit(
  purpose: string,
  key: string,
  limit: number,
  windowMs: number,
): Promise<{ ok: boolean; retryAfterSeconds: number }> {
  const db = await getDb();
  const nowMs = Date.now();
  const { count, resetAt } = await countHit(db, `${purpose}:${key}`, windowMs, nowMs);
  if (nowMs - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = nowMs;
    void deleteEndedWindows(db, nowMs).catch((error: unknown) => console.error("Rate-limit sweep failed:", error));
  }
  return { ok: count <= limit, retryAfterSeconds: count <= limit ? 0 : Math.ceil((resetAt - nowMs) / 1000) };
}

/** True when this client has already failed `limit` times in the window (nothing is counted). */
export async function tooManyFailures(purpose: string, key: string, limit: number): Promise<boolean> {
  return (await hitCount(await getDb(), `${purpose}:${key}`)) >= limit;
}

/** Guessing invitation tokens: 30 wrong tokens per client per 15 minutes. */
export const INVITATION_GUESSES = { purpose: "invitation-miss", limit: 30, windowMs: 15 * 60_000 } as const;

/**
 * A fixed-window rate limiter kept in memory, keyed by purpose and client. Enough for one
 * server process; a deployment with several processes would move this to the database.
 */
const windows = new Map<string, { count: number; resetAt: number }>();

export function clientKey(request: Request) {
  return request.headers.get("X-Client-Address") ?? "local";
}

export function rateLimit(
  purpose: string,
  key: string,
  limit: number,
  windowMs: number,
): { ok: boolean; retryAfterSeconds: number } {
  const id = `${purpose}:${key}`;
  const nowMs = Date.now();
  const entry = windows.get(id);
  if (!entry || entry.resetAt <= nowMs) {
    windows.set(id, { count: 1, resetAt: nowMs + windowMs });
    if (windows.size > 50_000) {
      for (const [k, v] of windows) if (v.resetAt <= nowMs) windows.delete(k);
    }
    return { ok: true, retryAfterSeconds: 0 };
  }
  entry.count += 1;
  return { ok: entry.count <= limit, retryAfterSeconds: Math.ceil((entry.resetAt - nowMs) / 1000) };
}

/** True when this client has already failed `limit` times in the window (nothing is counted). */
export function tooManyFailures(purpose: string, key: string, limit: number): boolean {
  const entry = windows.get(`${purpose}:${key}`);
  return Boolean(entry && entry.resetAt > Date.now() && entry.count >= limit);
}

/** Guessing invitation tokens: 30 wrong tokens per client per 15 minutes. */
export const INVITATION_GUESSES = { purpose: "invitation-miss", limit: 30, windowMs: 15 * 60_000 } as const;

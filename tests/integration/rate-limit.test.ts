import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../app/db.server";
import { countHit, deleteEndedWindows, hitCount } from "../../app/models/rate-limit.server";
import { DIALECTS, freshDatabase, type TestDatabase } from "../setup/databases";

describe.each(DIALECTS)("rate-limit counters on %s", (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("counts hits in a fixed window and starts again once it has ended", async () => {
    const start = Date.parse("2026-12-01T10:00:00Z");
    expect(await countHit(t.db, "sign-up:a", 60_000, start)).toEqual({ count: 1, resetAt: start + 60_000 });
    expect(await countHit(t.db, "sign-up:a", 60_000, start + 1_000)).toEqual({ count: 2, resetAt: start + 60_000 });
    // Another key has a window of its own.
    expect((await countHit(t.db, "sign-up:b", 60_000, start + 2_000)).count).toBe(1);
    expect(await hitCount(t.db, "sign-up:a", start + 59_999)).toBe(2);
    // At the window's end the count is gone, and the next hit opens a new window.
    expect(await hitCount(t.db, "sign-up:a", start + 60_000)).toBe(0);
    expect(await countHit(t.db, "sign-up:a", 60_000, start + 60_000)).toEqual({ count: 1, resetAt: start + 120_000 });
    expect(await hitCount(t.db, "unknown:x", start)).toBe(0);

    expect(await deleteEndedWindows(t.db, start + 62_001)).toBe(1); // b's window ended; a's has not
    expect(await hitCount(t.db, "sign-up:a", start + 62_001)).toBe(1);
  });

  it("loses no hit when many connections count at once", async () => {
    // Separate connections (a pool of 10 on PostgreSQL, a second handle on SQLite), as two
    // app processes would be: every hit is counted once.
    const other = openDatabase(t.url, { searchPath: t.searchPath });
    try {
      const nowMs = Date.now();
      const counts = await Promise.all(
        Array.from({ length: 40 }, (_, i) => countHit(i % 2 ? other : t.db, "invitation-miss:c", 900_000, nowMs)),
      );
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await hitCount(t.db, "invitation-miss:c", nowMs)).toBe(40);
    } finally {
      await other.destroy();
    }
  });
});

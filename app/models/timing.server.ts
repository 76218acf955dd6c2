/**
 * (A model only in that models import it: the snapshot and report reads time their phases.)
 *
 * Server-Timing (issue 19: "the results page served from its snapshot in under 100 ms at the
 * server"): a loader times its phases and sends them in the `Server-Timing` header, which the
 * browser's network panel and scripts/bench-results.ts read. entry.server.tsx adds the React
 * render and the whole time at the server (from the request's arrival to the response's
 * headers) for every page.
 *
 * Phases are exclusive: time spent in a phase started inside another counts for the inner one
 * only (the snapshot's parse is inside the report's read, say), so the phases add up to the
 * loader's time. Loaders time their work one step at a time (no concurrent phases).
 */
export class ServerTiming {
  private readonly start = performance.now();
  private readonly totals = new Map<string, number>();
  private readonly stack: { name: string; inner: number }[] = [];

  /** Runs `fn` as phase `name`; nested phases are subtracted from it. */
  async time<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const frame = { name, inner: 0 };
    this.stack.push(frame);
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const took = performance.now() - t0;
      this.stack.pop();
      this.add(name, took - frame.inner);
      const parent = this.stack.at(-1);
      if (parent) parent.inner += took;
    }
  }

  /** Times a synchronous step (JSON.parse, say) as phase `name`. */
  timeSync<T>(name: string, fn: () => T): T {
    const t0 = performance.now();
    const out = fn();
    const took = performance.now() - t0;
    this.add(name, took);
    const parent = this.stack.at(-1);
    if (parent) parent.inner += took;
    return out;
  }

  private add(name: string, ms: number) {
    this.totals.set(name, (this.totals.get(name) ?? 0) + ms);
  }

  /** The header's value: each phase, then "build" (the loader's time outside any phase) and "loader". */
  header(): string {
    const loader = performance.now() - this.start;
    const timed = [...this.totals.values()].reduce((s, x) => s + x, 0);
    const entries = [...this.totals, ["build", Math.max(0, loader - timed)] as const, ["loader", loader] as const];
    return entries.map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(", ");
  }
}

/** An optional timer: the same calls when the caller gave none. */
export const timeIn = <T>(timing: ServerTiming | undefined, name: string, fn: () => Promise<T> | T) =>
  timing ? timing.time(name, fn) : fn();
export const timeSyncIn = <T>(timing: ServerTiming | undefined, name: string, fn: () => T) =>
  timing ? timing.timeSync(name, fn) : fn();

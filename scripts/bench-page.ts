/**
 * Shared by the page benches (bench-compare.ts, bench-national.ts): where a page's time goes in
 * headless Chromium, and the bench's figures saved under bench/results/.
 *
 * Each run navigates to the page and waits for `selector` (the first chart drawn), then reads
 * the navigation timing: the server's answer (time to first byte), the transfer of the HTML, the
 * document parsed with its scripts run (DOMContentLoaded: React hydrates in the module scripts),
 * and the chart drawn after that; with the main thread's long tasks (scripting, layout) summed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { ROOT } from "../tests/support/app-server";

export interface PageRun {
  /** Navigation start to the chart visible, measured from the bench (what a user waits). */
  totalMs: number;
  /** In the page, from navigation start: */
  firstByteMs: number;
  htmlDoneMs: number;
  domContentLoadedMs: number;
  chartMs: number;
  /** Sum of the main thread's long tasks (over 50 ms each) until the chart was drawn. */
  longTasksMs: number;
  /** Bytes of the HTML as sent (compressed) and as parsed. */
  htmlTransferKb: number;
  htmlKb: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Navigates `runs` times, returning each run's figures; the context should carry the session. */
export async function measurePage(
  context: BrowserContext,
  url: string,
  selector: string,
  runs = 4,
): Promise<PageRun[]> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: number };
    w.__longTasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks += e.duration;
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const out: PageRun[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: "commit" });
    await page
      .locator(selector)
      .first()
      .waitFor({ state: "visible", timeout: 30_000 })
      .catch((e: unknown) => {
        throw new Error(`${selector} not drawn at ${page.url()}: ${errors.join("; ")}`, { cause: e });
      });
    const totalMs = Math.round(performance.now() - t0);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        firstByteMs: Math.round(nav.responseStart),
        htmlDoneMs: Math.round(nav.responseEnd),
        domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
        chartMs: Math.round(performance.now()),
        longTasksMs: Math.round((window as unknown as { __longTasks: number }).__longTasks),
        htmlTransferKb: Math.round(nav.transferSize / 1024),
        htmlKb: Math.round(nav.decodedBodySize / 1024),
      };
    });
    out.push({ totalMs, ...t });
  }
  await page.close();
  return out;
}

/** One line: the median of each figure over the runs, and the totals of each run. */
export function describeRuns(runs: PageRun[]): string {
  const m = (k: keyof PageRun) => median(runs.map((r) => r[k]));
  return (
    `median ${m("totalMs")} ms [${runs.map((r) => r.totalMs).join(", ")}]; in the page (medians): ` +
    `first byte ${m("firstByteMs")} ms, HTML received ${m("htmlDoneMs")} ms ` +
    `(${m("htmlTransferKb")} KB sent, ${m("htmlKb")} KB parsed), DOMContentLoaded ${m("domContentLoadedMs")} ms, ` +
    `chart drawn ${m("chartMs")} ms; long tasks ${m("longTasksMs")} ms`
  );
}

/** Saves a bench's figures to bench/results/<date>-<name>.json with the machine's load; returns the path. */
export function saveResult(name: string, figures: Record<string, unknown>): string {
  const date = new Date().toISOString();
  const file = path.join(ROOT, "bench/results", `${date.replace(/[:.]/g, "-")}-${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    date,
    bench: name,
    cpu: os.cpus()[0]?.model.trim(),
    cores: os.cpus().length,
    node: process.version,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    ...figures,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

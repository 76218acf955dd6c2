/**
 * Where the questionnaire's start page spends its time on the throttled profile of `npm run bench`
 * (150 ms RTT, 1.6 Mbit/s down, CPU 4x): a Chromium trace (CDP Tracing) of loading the start page
 * and pressing "Start now", summarised as each request's timing and the main thread's work, all
 * in ms from the navigation. Needs a build (npm run build).
 *
 *   npx tsx scripts/trace-start-page.ts [--out trace.json] [--wait 4000]
 */
import fs from "node:fs";
import { launchBrowser, startApp } from "../tests/support/app-server";
import { emulateSlowPhone } from "../tests/support/browser";

const argv = process.argv.slice(2);
const out = argv.includes("--out") ? argv[argv.indexOf("--out") + 1] : undefined;
const wait = argv.includes("--wait") ? Number(argv[argv.indexOf("--wait") + 1]) : 0;

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, { [key: string]: unknown } | undefined>;
};

const app = await startApp({ startTimeoutMs: 300_000 });
const browser = await launchBrowser();
try {
  const invitation = await app.db
    .selectFrom("invitations")
    .selectAll()
    .where("kind", "=", "professional")
    .executeTakeFirstOrThrow();
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await emulateSlowPhone(cdp);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading,v8.execute",
    transferMode: "ReportEvents",
  });
  const wall = Date.now();
  await page.goto(`${app.url}/s/${invitation.token}`, { waitUntil: "commit" });
  const start = page.getByRole("button", { name: "Start now" });
  await start.waitFor({ timeout: 60_000 });
  const shownMs = Date.now() - wall;
  if (wait) await page.waitForTimeout(wait);
  await start.click();
  await page.locator("input[type=radio]").first().waitFor({ state: "visible", timeout: 60_000 });
  const usableMs = Date.now() - wall;
  // The page's own navigation timing, and when its clock started against the driver's.
  const navigation = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      timeOrigin: performance.timeOrigin,
      connectStart: Math.round(n.connectStart),
      connectEnd: Math.round(n.connectEnd),
      requestStart: Math.round(n.requestStart),
      responseStart: Math.round(n.responseStart),
      responseEnd: Math.round(n.responseEnd),
      domInteractive: Math.round(n.domInteractive),
      domContentLoaded: Math.round(n.domContentLoadedEventEnd),
      load: Math.round(n.loadEventEnd),
      firstContentfulPaint: Math.round(performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN),
    };
  });
  await page.waitForTimeout(3000);
  await cdp.send("Tracing.end");
  await done;
  if (out) fs.writeFileSync(out, JSON.stringify({ traceEvents: events }));

  // Times from the navigation's start, in ms.
  const navStart = events.find(
    (e) => e.name === "ResourceSendRequest" && String(e.args?.data?.url).includes(`/s/${invitation.token}`),
  )!.ts;
  const ms = (ts: number) => Math.round((ts - navStart) / 1000);
  const requests = new Map<
    string,
    { url: string; send: number; response?: number; finish?: number; bytes?: number; blocking?: string }
  >();
  for (const e of events) {
    const data = (e.args?.data ?? {}) as Record<string, unknown>;
    const id = data.requestId as string | undefined;
    if (!id) continue;
    if (e.name === "ResourceSendRequest")
      requests.set(id, {
        url: String(data.url).replace(app.url, ""),
        send: ms(e.ts),
        blocking: data.renderBlocking as string,
      });
    const r = requests.get(id);
    if (!r) continue;
    if (e.name === "ResourceReceiveResponse") r.response = ms(e.ts);
    if (e.name === "ResourceFinish") {
      r.finish = ms(e.ts);
      r.bytes = Math.round(Number(data.encodedDataLength ?? 0) / 102.4) / 10;
    }
  }
  console.log(`start page shown (driver) ${shownMs} ms; first question usable ${usableMs} ms`);
  const { timeOrigin, ...timing } = navigation;
  console.log(
    `\nThe page's clock started ${Math.round(timeOrigin - wall)} ms after the driver's goto; from then (ms):`,
  );
  console.table([timing]);
  console.log("\nRequests (ms from navigation):");
  console.table([...requests.values()].map((r) => ({ ...r, url: r.url.slice(0, 70) })));
  const marks = events
    .filter(
      (e) =>
        ["firstContentfulPaint", "MarkDOMContent", "MarkLoad", "EventDispatch"].includes(e.name) &&
        e.ts >= navStart &&
        (e.name !== "EventDispatch" || ["pointerdown", "click"].includes(String(e.args?.data?.type))),
    )
    .map((e) => ({ mark: e.name === "EventDispatch" ? String(e.args?.data?.type) : e.name, at: ms(e.ts) }));
  console.log("\nMarks:");
  console.table(marks);
  // The renderer's main thread: its top-level tasks over 10 ms, with what they did most.
  const main = events.find((e) => e.name === "thread_name" && e.args?.name?.toString() === "CrRendererMain");
  const mainEvents = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const tasks = mainEvents.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > 10_000 && e.ts >= navStart);
  const kinds = [
    "ParseHTML",
    "EvaluateScript",
    "v8.compile",
    "FunctionCall",
    "UpdateLayoutTree",
    "Layout",
    "Paint",
    "ParseAuthorStyleSheet",
    "EventDispatch",
    "v8.compileModule",
    "v8.evaluateModule",
    "TimerFire",
    "FireIdleCallback",
    "PrePaint",
    "Layerize",
  ];
  console.log("\nMain-thread tasks over 10 ms:");
  console.table(
    tasks.map((t) => {
      const inside = mainEvents.filter((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && kinds.includes(e.name));
      const by = new Map<string, number>();
      for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      return {
        at: ms(t.ts),
        ms: Math.round((t.dur ?? 0) / 1000),
        what: top.map(([k, v]) => `${k} ${Math.round(v)}`).join(", "),
      };
    }),
  );
} finally {
  await browser.close();
  await app.stop();
}

import { launchBrowser, startApp } from "../tests/support/app-server";
const app = await startApp({ startTimeoutMs: 300_000 });
const inv = await app.db.selectFrom("invitations").selectAll().where("kind", "=", "professional").executeTakeFirstOrThrow();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  await page.goto(`${app.url}/s/${inv.token}`);
  await page.waitForRequest(/questionnaire$/);
  await page.waitForTimeout(300);
  const { profile } = (await cdp.send("Profiler.stop")) as any;
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = (dt.get(n.id) ?? 0) / 1000;
    const file = (n.callFrame.url.split("/").pop() || n.callFrame.functionName || "(native)");
    byFile.set(file, (byFile.get(file) ?? 0) + t);
    const key = `${file}:${n.callFrame.functionName}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + t);
  }
  console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${Math.round(v)}ms ${k}`).join("\n"));
  console.log("--");
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v)}ms ${k}`).join("\n"));
} finally {
  await browser.close();
  await app.stop();
}

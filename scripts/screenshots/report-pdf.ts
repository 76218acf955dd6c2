/**
 * Pages 1 to 3 of the results report printed to PDF (A4, as a lead's "Print or save as PDF"
 * gives it), rendered to PNG in docs/screenshots/ so that a reviewer can see the printed report
 * without opening a PDF. Rendering uses `pdftoppm` from poppler-utils (Debian:
 * `apt-get install poppler-utils`): a development tool only, like the screenshots themselves,
 * which CI does not make. Without it the PDF is still written and the step says so.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DEMO_LEAD } from "../../app/models/demo.server";
import { ROOT, newPage } from "../../tests/support/app-server";

const OUT = path.join(ROOT, "docs/screenshots");
const PAGES = 3;

function hasPdftoppm(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export async function captureReportPdf(browser: Browser, appUrl: string, resultsPath: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, errors } = await newPage(context);
    await page.goto(`${appUrl}/sign-in`);
    await page.getByLabel("Email address").fill(DEMO_LEAD.email);
    await page.getByLabel("Password").fill(DEMO_LEAD.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${appUrl}/partnerships`);
    await page.goto(`${appUrl}${resultsPath}`);
    await page.locator('[data-testid="component-scores-chart"] .recharts-bar-rectangle').first().waitFor();
    if (errors.length) throw new Error(`The results page logged errors:\n${errors.join("\n")}`);
    await page.emulateMedia({ media: "print" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
    const pdf = path.join(dir, "results.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
    if (!hasPdftoppm()) {
      console.log(`${pdf} written; install poppler-utils (pdftoppm) to render its pages to PNG`);
      return;
    }
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", String(PAGES), pdf, path.join(dir, "page")]);
    const rendered = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith("page") && f.endsWith(".png"))
      .sort();
    rendered.forEach((f, i) => {
      const file = path.join(OUT, `results-pdf-page-${i + 1}.png`);
      fs.copyFileSync(path.join(dir, f), file);
      console.log(`${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
    });
    fs.rmSync(dir, { recursive: true, force: true });
  } finally {
    await context.close();
  }
}

// Runs every Vitest project and ends with a line CI can read: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const out = "test-results/vitest.json";
fs.mkdirSync("test-results", { recursive: true });
const args = ["run", "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...process.argv.slice(2)];
const run = spawnSync("node_modules/.bin/vitest", args, { stdio: "inherit" });
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites ?? 0);
} catch {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);

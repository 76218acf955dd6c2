// Runs every Vitest project and ends with a line CI can read: "N passed, N failed", after a
// line saying how many of them ran against PostgreSQL and which browser and server were used.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const out = "test-results/vitest.json";
const environmentReport = "test-results/environment.json";
fs.mkdirSync("test-results", { recursive: true });
fs.rmSync(environmentReport, { force: true });
const filters = process.argv.slice(2);
const args = ["run", "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...filters];
const run = spawnSync("node_modules/.bin/vitest", args, { stdio: "inherit" });
let passed = 0;
let failed = 0;
let onPostgres = 0;
try {
  const report = JSON.parse(fs.readFileSync(out, "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites ?? 0);
  // Database-layer suites are named "... on postgres" (describe.each over the dialects).
  onPostgres = report.testResults
    .flatMap((file) => file.assertionResults)
    .filter((test) => test.status === "passed" && /\bpostgres\b/i.test(test.fullName)).length;
} catch {
  failed = 1;
}
let environment = null;
try {
  environment = JSON.parse(fs.readFileSync(environmentReport, "utf8"));
} catch {
  /* Vitest queued no test, so its global set-up did not run */
}
if (environment) {
  console.log(`Browser: ${environment.browser}`);
  console.log(`PostgreSQL: ${environment.postgres}`);
}
console.log(`${onPostgres} of the passed tests ran against PostgreSQL.`);
// The whole suite must exercise PostgreSQL: a run that silently skipped it is not green.
if (filters.length === 0 && onPostgres === 0) {
  console.log("No test ran against PostgreSQL: counted as a failure.");
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);

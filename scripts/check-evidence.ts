/**
 * Checks every locator of the evidence register against the seed texts:
 *   npm run check:evidence -- <folder of the seed texts>
 * Each source's locator (a short verbatim quotation) must be found in its document, inside the
 * section it names. The product never reads the seed texts; only this check does, from the folder
 * given. Exits 1 with one line per problem, 0 when every locator is found.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import register from "../surveys/evidence.json";
import { checkLocators, type LocatorRegister } from "../app/domain/evidence-locators";

const folder = process.argv[2];
if (!folder || !existsSync(folder)) {
  console.error("usage: npm run check:evidence -- <folder of the seed texts>");
  process.exit(2);
}
const reg = register as unknown as LocatorRegister & {
  documents: { key: string; seedFile?: string }[];
  stages?: LocatorRegister["entries"];
};
const texts: Record<string, string> = {};
for (const doc of reg.documents) {
  const path = doc.seedFile ? join(folder, doc.seedFile) : "";
  if (path && existsSync(path)) texts[doc.key] = readFileSync(path, "utf8");
}
const problems = checkLocators({ documents: reg.documents, entries: [...reg.entries, ...(reg.stages ?? [])] }, texts);
const sources = [...reg.entries, ...(reg.stages ?? [])].reduce((n, e) => n + e.sources.length, 0);
for (const p of problems) console.log(p);
console.log(`${sources} locators checked, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);

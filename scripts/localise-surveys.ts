/**
 * Adds translations to the questionnaires in `surveys/`, in SurveyJS's localisation format:
 * every localisable string (title, description, choice text, ...) becomes
 * `{ "default": "<English>", "<lang>": "<translation>" }`, the English kept verbatim.
 *
 *   npx tsx scripts/localise-surveys.ts <lang> <translations.json> [survey names...]
 *
 * `translations.json` maps each English string to its translation (written by a person: this
 * script only does the mechanics). Strings it has no translation for are listed and left as
 * they are, so a run never invents text; it exits 1 when any is missing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isLang } from "../app/domain/language";
import { LOCALISABLE_PROPERTIES, localText, withTranslation } from "../app/domain/localised-text";

const [lang, file, ...names] = process.argv.slice(2);
if (!lang || !isLang(lang) || lang === "en" || !file) {
  console.error("usage: tsx scripts/localise-surveys.ts <lang> <translations.json> [survey names...]");
  process.exit(2);
}
const translations = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
const surveys = names.length ? names : ["professional", "family", "continuum", "deep-dive"];
const missing = new Set<string>();
let added = 0;

const walk = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(walk);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const english = (LOCALISABLE_PROPERTIES as readonly string[]).includes(key) ? localText(value) : undefined;
    if (english === undefined) {
      out[key] = walk(value);
      continue;
    }
    const translation = translations[english];
    if (translation === undefined) {
      missing.add(english);
      out[key] = value;
    } else {
      out[key] = withTranslation(value as string, lang, translation);
      added++;
    }
  }
  return out;
};

for (const name of surveys) {
  const path = join("surveys", `${name}.json`);
  const json = JSON.parse(readFileSync(path, "utf8")) as unknown;
  writeFileSync(path, `${JSON.stringify(walk(json), null, 2)}\n`);
}
console.log(`${added} strings translated into "${lang}" in ${surveys.join(", ")}`);
if (missing.size) {
  console.error(`${missing.size} English strings have no translation:\n${[...missing].join("\n")}`);
  process.exit(1);
}

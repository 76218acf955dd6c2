/**
 * Scores a round from a JSON file and prints the full result as JSON.
 *
 *   npm run score -- <responses.json> [--questionnaire <file>]... [--threshold N]
 *
 * Without --questionnaire it reads surveys/professional.json, surveys/continuum.json and
 * surveys/family.json, skipping (with a warning) any that does not exist yet. The input
 * format is documented in docs/scoring.md; tests/fixtures/example-round.json is an example.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../app/domain/framework";
import {
  FAMILY_GROUPS,
  readMarkers,
  readScoredItems,
  type MarkerItem,
  type ScoredItem,
  type SurveyJson,
} from "../app/domain/instrument";
import { QUESTIONNAIRE_KINDS, scoreRound, type ScoreRoundInput } from "../app/domain/scoring";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_QUESTIONNAIRES = ["professional.json", "continuum.json", "family.json"].map((f) =>
  resolve(root, "surveys", f),
);

const usage = "Usage: npm run score -- <responses.json> [--questionnaire <file>]... [--threshold N]";

const roundFileSchema = z.object({
  threshold: z.number().int().optional(),
  agencies: z.array(z.object({ id: z.string().min(1), name: z.string(), type: z.enum(AGENCY_TYPE_KEYS) })).default([]),
  responses: z.array(
    z.object({
      id: z.string(),
      questionnaire: z.enum(QUESTIONNAIRE_KINDS),
      respondentLevel: z.enum(LEVEL_KEYS).nullable().default(null),
      agencyType: z.enum(AGENCY_TYPE_KEYS).nullable().default(null),
      agencyId: z.string().nullable().default(null),
      familyGroup: z.enum(FAMILY_GROUPS).nullable().default(null),
      answers: z.record(z.string(), z.unknown()),
    }),
  ),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const questionnaires: string[] = [];
  let threshold: number | undefined;
  let responsesFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--questionnaire") {
      const file = argv[++i];
      if (!file) fail(`--questionnaire needs a file\n${usage}`);
      questionnaires.push(file);
    } else if (arg === "--threshold") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value)) fail(`--threshold needs a whole number\n${usage}`);
      threshold = value;
    } else if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else if (arg.startsWith("--")) fail(`Unknown option ${arg}\n${usage}`);
    else if (responsesFile === undefined) responsesFile = arg;
    else fail(`Only one responses file, please\n${usage}`);
  }
  if (!responsesFile) fail(usage);
  return { responsesFile, questionnaires, threshold };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * Items and markers of one SurveyJS file. The family-voice questionnaire is recognised by its
 * file name (family.json), by a top-level `"questionnaire": "family"`, or, page by page, by a
 * page's `"questionnaire": "family"` (so one small file can hold both, as the example does).
 */
function loadQuestionnaire(file: string) {
  const survey = readJson(file) as SurveyJson;
  if (!survey || !Array.isArray(survey.pages)) fail(`${file} is not a SurveyJS questionnaire (no "pages")`);
  const wholeFileIsFamily = basename(file).includes("family") || survey.questionnaire === "family";
  const isFamilyPage = (page: SurveyJson["pages"][number]) =>
    wholeFileIsFamily || (page as Record<string, unknown>).questionnaire === "family";
  const part = (family: boolean): SurveyJson => ({
    ...survey,
    pages: survey.pages.filter((p) => isFamilyPage(p) === family),
  });
  try {
    return {
      items: readScoredItems(part(false)),
      familyItems: readScoredItems(part(true)),
      markers: readMarkers(survey),
    };
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
}

/**
 * surveys/professional.json, continuum.json and family.json, those that exist. While the
 * questionnaires are being written none may exist yet: then every SurveyJS file in surveys/
 * (a JSON file with "pages") is read instead, and with none at all the round is scored
 * without items (every section then reports no data for components).
 */
function defaultQuestionnaires(): string[] {
  const present = DEFAULT_QUESTIONNAIRES.filter((file) => existsSync(file));
  for (const file of DEFAULT_QUESTIONNAIRES) {
    if (!present.includes(file)) process.stderr.write(`Note: ${file} does not exist yet; scoring without it.\n`);
  }
  if (present.length > 0) return present;
  const dir = resolve(root, "surveys");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => resolve(dir, name))
    .filter((file) => {
      try {
        return Array.isArray((JSON.parse(readFileSync(file, "utf8")) as { pages?: unknown }).pages);
      } catch {
        return false;
      }
    });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const parsed = roundFileSchema.safeParse(readJson(args.responsesFile));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    fail(`${args.responsesFile} is not a valid round file:\n${issues}`);
  }

  const files = args.questionnaires.length > 0 ? args.questionnaires : defaultQuestionnaires();
  // The same question may sit in two files (a short-form file repeating professional items):
  // the first definition of a key wins, so no answer is counted twice.
  const items = new Map<string, ScoredItem>();
  const familyItems = new Map<string, ScoredItem>();
  const markers = new Map<string, MarkerItem>();
  const keep = <T extends { key: string }>(into: Map<string, T>, list: T[]) => {
    for (const entry of list) if (!into.has(entry.key)) into.set(entry.key, entry);
  };
  for (const file of files) {
    if (!existsSync(file)) fail(`No such questionnaire: ${file}`);
    const loaded = loadQuestionnaire(file);
    keep(items, loaded.items);
    keep(familyItems, loaded.familyItems);
    keep(markers, loaded.markers);
  }

  const input: ScoreRoundInput = {
    responses: parsed.data.responses,
    agencies: parsed.data.agencies,
    items: [...items.values()],
    familyItems: [...familyItems.values()],
    markers: [...markers.values()],
    threshold: args.threshold ?? parsed.data.threshold,
  };
  try {
    process.stdout.write(`${JSON.stringify(scoreRound(input), null, 2)}\n`);
  } catch (error) {
    fail((error as Error).message);
  }
}

main();

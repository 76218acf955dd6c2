/** Regenerates the counts block of docs/instrument.md from the instrument files. */
import { readFileSync, writeFileSync } from "node:fs";
import register from "../surveys/evidence.json";
import professional from "../surveys/professional.json";
import deepDive from "../surveys/deep-dive.json";
import family from "../surveys/family.json";
import { instrumentCountsMarkdown, replaceCountsBlock } from "../app/domain/instrument-counts";
import type { EvidenceRegister } from "../app/domain/evidence";
import type { SurveyJson } from "../app/domain/instrument";

const path = new URL("../docs/instrument.md", import.meta.url);
const block = instrumentCountsMarkdown({
  register: register as unknown as EvidenceRegister,
  professional: professional as unknown as SurveyJson,
  deepDive: deepDive as unknown as SurveyJson,
  family: family as unknown as SurveyJson,
});
writeFileSync(path, replaceCountsBlock(readFileSync(path, "utf8"), block));
console.log("docs/instrument.md counts regenerated");

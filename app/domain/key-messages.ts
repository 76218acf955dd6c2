/**
 * The report's key messages: five to eight plain-English sentences written by fixed rules from
 * a round's published figures, each pointing at the figure it comes from. The rules never state
 * a difference the figures do not support: a difference is called clear only when its interval
 * excludes 0 (docs/scoring.md, "Is a difference real?"), and is otherwise described as
 * uncertain. Only published figures are read (a hidden group has no score to read) and only the
 * framework's names are written: no free text, no agency's own name, ever reaches a message.
 */
import { LEVELS, STAGES, type AgencyTypeKey, type LevelKey } from "./framework";
import { largestGroupGap, scoreDifference } from "./differences";
import { experienceGap } from "./experience-gap";
import type { ComponentChange } from "./round-comparison";
import type { ComponentResult, ContinuumResults, FamilyResults, ProfessionalResults, RoundResult } from "./scoring";

export type KeyMessageKind =
  "bands" | "highest_lowest" | "continuum" | "level_gap" | "agency_gap" | "families" | "change";

/** The report's anchors the messages link to (ids of figures and tables). */
export type KeyMessageFigure =
  "component-scores" | "continuum" | "perception-gap" | "agency-heatmap" | "experience-gap" | "change";

export interface KeyMessage {
  kind: KeyMessageKind;
  text: string;
  /** The id of the figure or table the sentence is read from. */
  figure: KeyMessageFigure;
  /** The components the sentence calls clearly different (a rise, a fall, a gap): for tests and screen readers. */
  claims: string[];
}

export interface KeyMessageInput {
  result: RoundResult;
  /** The change since the previous round, when there is one with results. */
  comparison?: { previousName: string; changes: readonly ComponentChange[] } | null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pts = (x: number) => `${Math.abs(x).toFixed(1)} point${Math.abs(x).toFixed(1) === "1.0" ? "" : "s"}`;
const levelName = (key: LevelKey) => lowerFirst(LEVELS.find((l) => l.key === key)!.name);

/** How staff of a kind of agency are named in a sentence. */
const AGENCY_STAFF: Record<AgencyTypeKey, string> = {
  social_work: "social work staff",
  health: "health staff",
  education: "education staff",
  police: "police staff",
  housing: "housing staff",
  voluntary: "voluntary-sector staff",
  other: "staff of other agencies",
};

/** "a, b and c" */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function shownComponents(professional: ProfessionalResults) {
  return professional.components.flatMap((c) => (c.overall.status === "ok" ? [{ c, f: c.overall }] : []));
}

/** "none is a strength", "1 is a concern", "7 are borderline" */
function bandCount(n: number, one: string, many: string): string {
  if (n === 0) return `none is ${one === "borderline" ? "borderline" : one}`;
  return n === 1 ? `1 is ${one}` : `${n} are ${many}`;
}

function bandsMessage(professional: ProfessionalResults): KeyMessage | null {
  const shown = shownComponents(professional);
  if (!shown.length) return null;
  const counts = { strength: 0, borderline: 0, concern: 0 };
  for (const { f } of shown) counts[f.band]++;
  const of =
    shown.length === professional.components.length
      ? `Of the ${shown.length} components`
      : `Of the ${shown.length} components that can be shown`;
  return {
    kind: "bands",
    text: `${of}, ${bandCount(counts.strength, "a strength", "strengths")}, ${bandCount(counts.borderline, "borderline", "borderline")} and ${bandCount(counts.concern, "a concern", "concerns")}.`,
    figure: "component-scores",
    claims: [],
  };
}

function highestLowestMessage(professional: ProfessionalResults): KeyMessage | null {
  const shown = shownComponents(professional);
  if (shown.length < 2) return null;
  const sorted = [...shown].sort((a, b) => b.f.score - a.f.score);
  const hi = sorted[0]!;
  const lo = sorted[sorted.length - 1]!;
  if (hi.f.score === lo.f.score) return null;
  const d = scoreDifference(hi.f, lo.f);
  const tail = d.clear ? "." : ", though with these numbers of people even these two may not really differ.";
  return {
    kind: "highest_lowest",
    text: `${hi.c.name} scores highest (${hi.f.score.toFixed(1)}, ${hi.f.band}) and ${lowerFirst(lo.c.name)} lowest (${lo.f.score.toFixed(1)}, ${lo.f.band})${tail}`,
    figure: "component-scores",
    claims: d.clear ? [hi.c.component, lo.c.component] : [],
  };
}

function stageWords(median: number): string {
  if (Number.isInteger(median)) return `at stage ${median}, ${STAGES[median]!.name}`;
  return `between stages ${Math.floor(median)} and ${Math.ceil(median)}`;
}

function continuumMessage(continuum: ContinuumResults): KeyMessage | null {
  const placement = continuum.placement;
  if (placement.status !== "ok") return null;
  const at = placement.uncertain
    ? `somewhere from stage ${placement.current.stage}, ${placement.current.name}, to stage ${placement.upTo.stage}, ${placement.upTo.name} (the answers cannot tell which)`
    : `at stage ${placement.current.stage}, ${placement.current.name}${placement.lowerBound ? ", or further along" : ""}`;
  let want = "";
  if (continuum.target.status === "ok") {
    const median = continuum.target.median;
    const here = placement.current.stage;
    want =
      median === here && !placement.uncertain
        ? "; the people who answered want it to stay there"
        : `; the people who answered want it ${stageWords(median)} (their median)`;
  }
  return {
    kind: "continuum",
    text: `The answers place the partnership ${at}${want}.`,
    figure: "continuum",
    claims: [],
  };
}

function levelGapMessage(professional: ProfessionalResults): KeyMessage | null {
  const gaps = professional.components.flatMap((c) =>
    c.perceptionGap.status === "ok" ? [{ c, g: c.perceptionGap }] : [],
  );
  if (!gaps.length) return null;
  const clear = gaps.filter((x) => x.g.clear).sort((a, b) => b.g.gap - a.g.gap);
  if (clear.length) {
    const { c, g } = clear[0]!;
    return {
      kind: "level_gap",
      text: `People working at ${levelName(g.lowest.level)} level rate ${lowerFirst(c.name)} ${pts(g.gap)} lower than those at ${levelName(g.highest.level)} level: the largest clear difference between levels.`,
      figure: "perception-gap",
      claims: [c.component],
    };
  }
  const { c, g } = [...gaps].sort((a, b) => b.g.gap - a.g.gap)[0]!;
  return {
    kind: "level_gap",
    text: `No difference between levels is clear: the largest, ${pts(g.gap)} on ${lowerFirst(c.name)} between ${levelName(g.highest.level)} and ${levelName(g.lowest.level)} level, is uncertain.`,
    figure: "perception-gap",
    claims: [],
  };
}

function agencyGapMessage(professional: ProfessionalResults): KeyMessage | null {
  const gaps = professional.components.flatMap((c: ComponentResult) => {
    const g = largestGroupGap<AgencyTypeKey>(c.byAgencyType);
    return g ? [{ c, g }] : [];
  });
  if (!gaps.length) return null;
  const size = (x: (typeof gaps)[number]) => x.g.gap.difference;
  const clear = gaps.filter((x) => x.g.gap.clear).sort((a, b) => size(b) - size(a));
  if (clear.length) {
    const { c, g } = clear[0]!;
    return {
      kind: "agency_gap",
      text: `${capitalise(AGENCY_STAFF[g.lowest.group])} rate ${lowerFirst(c.name)} ${pts(g.gap.difference)} lower than ${AGENCY_STAFF[g.highest.group]} do: the largest clear difference between kinds of agency.`,
      figure: "agency-heatmap",
      claims: [c.component],
    };
  }
  const { c, g } = [...gaps].sort((a, b) => size(b) - size(a))[0]!;
  return {
    kind: "agency_gap",
    text: `No difference between kinds of agency is clear: the largest, ${pts(g.gap.difference)} on ${lowerFirst(c.name)} between ${AGENCY_STAFF[g.highest.group]} and ${AGENCY_STAFF[g.lowest.group]}, is uncertain.`,
    figure: "agency-heatmap",
    claims: [],
  };
}

function familiesMessage(professional: ProfessionalResults, family: FamilyResults): KeyMessage | null {
  const rows = experienceGap(professional, family).filter((r) => r.difference !== null);
  if (!rows.length) return null;
  const lower = rows.filter((r) => r.verdict === "families_lower").sort((a, b) => a.difference! - b.difference!);
  const higher = rows.filter((r) => r.verdict === "families_higher").sort((a, b) => b.difference! - a.difference!);
  if (lower.length) {
    const top = lower.slice(0, 3);
    const more = lower.length > top.length ? ` and ${lower.length - top.length} more` : "";
    return {
      kind: "families",
      text: `Families rate ${list(top.map((r) => lowerFirst(r.name)))}${more} lower than professionals do (by ${list(top.map((r) => pts(r.difference!)))}).`,
      figure: "experience-gap",
      claims: lower.map((r) => r.component),
    };
  }
  if (higher.length) {
    const top = higher.slice(0, 3);
    return {
      kind: "families",
      text: `Families rate no component clearly lower than professionals do, and ${list(top.map((r) => lowerFirst(r.name)))} higher (by ${list(top.map((r) => pts(r.difference!)))}).`,
      figure: "experience-gap",
      claims: higher.map((r) => r.component),
    };
  }
  return {
    kind: "families",
    text: `Families' scores do not differ clearly from professionals' on any of the ${rows.length} component${rows.length === 1 ? "" : "s"} both questionnaires ask about: the differences are uncertain.`,
    figure: "experience-gap",
    claims: [],
  };
}

function changeMessage(previousName: string, changes: readonly ComponentChange[]): KeyMessage | null {
  const comparable = changes.filter((c) => c.verdict !== null);
  if (!comparable.length) return null;
  const rises = comparable.filter((c) => c.verdict === "clear_rise").sort((a, b) => b.change! - a.change!);
  const falls = comparable.filter((c) => c.verdict === "clear_fall").sort((a, b) => a.change! - b.change!);
  if (!rises.length && !falls.length) {
    return {
      kind: "change",
      text: `No component changed clearly since the last round (${previousName}): the differences are within what chance could give.`,
      figure: "change",
      claims: [],
    };
  }
  const parts = [
    ...rises.map((c) => `${lowerFirst(c.name)} rose (up ${pts(c.change!)})`),
    ...falls.map((c) => `${lowerFirst(c.name)} fell (down ${pts(c.change!)})`),
  ];
  const others = comparable.length - rises.length - falls.length;
  return {
    kind: "change",
    text: `Since the last round (${previousName}), ${list(parts)}, clearly${others ? `; the other ${others} comparable component${others === 1 ? " shows" : "s show"} no clear change` : ""}.`,
    figure: "change",
    claims: [...rises, ...falls].map((c) => c.component),
  };
}

/**
 * The key messages of a round, in reading order: the components by band, the highest and
 * lowest, the continuum, the largest gaps between levels and between kinds of agency, the
 * families' view beside the professionals', and the change since the last round. A message
 * whose figures cannot be shown is left out, so a round has up to seven.
 *
 * @example
 * keyMessages({ result, comparison: { previousName: "Spring 2025", changes } })
 * // [{ kind: "bands", text: "Of the 13 components, 3 are strengths, 6 borderline and 4 concerns.", figure: "component-scores", claims: [] }, ...]
 */
export function keyMessages({ result, comparison }: KeyMessageInput): KeyMessage[] {
  if (result.status !== "ok") return [];
  const professional = result.professional.status === "ok" ? result.professional : null;
  const family = result.family.status === "ok" ? result.family : null;
  const continuum = result.continuum.status === "ok" ? result.continuum : null;
  const messages = [
    professional && bandsMessage(professional),
    professional && highestLowestMessage(professional),
    continuum && continuumMessage(continuum),
    professional && levelGapMessage(professional),
    professional && agencyGapMessage(professional),
    professional && family && familiesMessage(professional, family),
    comparison && changeMessage(comparison.previousName, comparison.changes),
  ];
  return messages.filter((m): m is KeyMessage => Boolean(m));
}

/**
 * The report's key messages: five to eight plain-English sentences written by fixed rules from
 * a round's published figures, each pointing at the figure it comes from. The rules never state
 * a difference the figures do not support: a difference is called clear only when its interval
 * excludes 0 (docs/scoring.md, "Is a difference real?"), and is otherwise described as
 * uncertain. Only published figures are read (a hidden group has no score to read) and only the
 * framework's names are written: no free text, no agency's own name, ever reaches a message.
 */
import { STAGES, type AgencyTypeKey, type BandKey, type ComponentKey, type LevelKey } from "./framework";
import { frameworkTerm } from "./glossary";
import { translator, type Translate } from "./i18n";
import { DEFAULT_LANG, type Lang } from "./language";
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
  /** The language the sentences are written in (English by default). */
  lang?: Lang;
  /** The change since the previous round, when there is one with results. */
  comparison?: { previousName: string; changes: readonly ComponentChange[] } | null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The words of one language: the translator (report:km.*) and the framework's names in it. */
interface Words {
  lang: Lang;
  t: Translate;
  /** A component's name, mid-sentence. */
  component: (key: ComponentKey) => string;
  /** A component's name, as written at the start of a sentence. */
  Component: (key: ComponentKey) => string;
  level: (key: LevelKey) => string;
  stage: (stage: number) => string;
  /** How staff of a kind of agency are named in a sentence. */
  staff: (key: AgencyTypeKey) => string;
  band: (key: BandKey) => string;
  pts: (x: number) => string;
  /** "a, b and c" */
  list: (items: readonly string[]) => string;
}

function words(lang: Lang): Words {
  const t = translator(lang, "report");
  return {
    lang,
    t,
    component: (key) => lowerFirst(frameworkTerm("component", key, lang)),
    Component: (key) => frameworkTerm("component", key, lang),
    level: (key) => lowerFirst(frameworkTerm("level", key, lang)),
    stage: (stage) => frameworkTerm("stage", STAGES[stage]!.key, lang),
    staff: (key) => t(`km.staff.${key}`),
    band: (key) => t(`km.bandWord.${key}`),
    pts: (x) => t(Math.abs(x).toFixed(1) === "1.0" ? "km.point" : "km.points", { x: Math.abs(x).toFixed(1) }),
    list: (items) =>
      items.length <= 1
        ? items.join("")
        : t("km.list", { items: items.slice(0, -1).join(", "), last: items[items.length - 1] }),
  };
}

function shownComponents(professional: ProfessionalResults) {
  return professional.components.flatMap((c) => (c.overall.status === "ok" ? [{ c, f: c.overall }] : []));
}

/** "none is a strength", "1 is a concern", "7 are borderline" */
function bandCount(w: Words, band: BandKey, n: number): string {
  return w.t(`km.count.${band}.${n === 0 ? "none" : n === 1 ? "one" : "many"}`, { n });
}

function bandsMessage(w: Words, professional: ProfessionalResults): KeyMessage | null {
  const shown = shownComponents(professional);
  if (!shown.length) return null;
  const counts = { strength: 0, borderline: 0, concern: 0 };
  for (const { f } of shown) counts[f.band]++;
  const of = w.t(shown.length === professional.components.length ? "km.bandsOf" : "km.bandsOfShown", {
    n: shown.length,
  });
  return {
    kind: "bands",
    text: w.t("km.bands", {
      of,
      strength: bandCount(w, "strength", counts.strength),
      borderline: bandCount(w, "borderline", counts.borderline),
      concern: bandCount(w, "concern", counts.concern),
    }),
    figure: "component-scores",
    claims: [],
  };
}

function highestLowestMessage(w: Words, professional: ProfessionalResults): KeyMessage | null {
  const shown = shownComponents(professional);
  if (shown.length < 2) return null;
  const sorted = [...shown].sort((a, b) => b.f.score - a.f.score);
  const hi = sorted[0]!;
  const lo = sorted[sorted.length - 1]!;
  if (hi.f.score === lo.f.score) return null;
  const d = scoreDifference(hi.f, lo.f);
  return {
    kind: "highest_lowest",
    text: w.t(d.clear ? "km.highestLowest" : "km.highestLowestUnclear", {
      highest: w.Component(hi.c.component),
      highScore: hi.f.score.toFixed(1),
      highBand: w.band(hi.f.band),
      lowest: w.component(lo.c.component),
      lowScore: lo.f.score.toFixed(1),
      lowBand: w.band(lo.f.band),
    }),
    figure: "component-scores",
    claims: d.clear ? [hi.c.component, lo.c.component] : [],
  };
}

function stageWords(w: Words, median: number): string {
  if (Number.isInteger(median)) return w.t("km.atStage", { n: median, name: w.stage(median) });
  return w.t("km.betweenStages", { from: Math.floor(median), to: Math.ceil(median) });
}

function continuumMessage(w: Words, continuum: ContinuumResults): KeyMessage | null {
  const placement = continuum.placement;
  if (placement.status !== "ok") return null;
  const { current, upTo } = placement;
  const at = placement.uncertain
    ? w.t("km.placeUncertain", {
        from: current.stage,
        fromName: w.stage(current.stage),
        to: upTo.stage,
        toName: w.stage(upTo.stage),
      })
    : w.t(placement.lowerBound ? "km.placeAtOrFurther" : "km.atStage", {
        n: current.stage,
        name: w.stage(current.stage),
      });
  let want = "";
  if (continuum.target.status === "ok") {
    const median = continuum.target.median;
    const here = placement.current.stage;
    want =
      median === here && !placement.uncertain ? w.t("km.wantStay") : w.t("km.want", { where: stageWords(w, median) });
  }
  return {
    kind: "continuum",
    text: w.t("km.continuum", { at, want }),
    figure: "continuum",
    claims: [],
  };
}

function levelGapMessage(w: Words, professional: ProfessionalResults): KeyMessage | null {
  const gaps = professional.components.flatMap((c) =>
    c.perceptionGap.status === "ok" ? [{ c, g: c.perceptionGap }] : [],
  );
  if (!gaps.length) return null;
  const clear = gaps.filter((x) => x.g.clear).sort((a, b) => b.g.gap - a.g.gap);
  if (clear.length) {
    const { c, g } = clear[0]!;
    return {
      kind: "level_gap",
      text: w.t("km.levelGap", {
        low: w.level(g.lowest.level),
        component: w.component(c.component),
        pts: w.pts(g.gap),
        high: w.level(g.highest.level),
      }),
      figure: "perception-gap",
      claims: [c.component],
    };
  }
  const { c, g } = [...gaps].sort((a, b) => b.g.gap - a.g.gap)[0]!;
  return {
    kind: "level_gap",
    text: w.t("km.levelGapUnclear", {
      pts: w.pts(g.gap),
      component: w.component(c.component),
      high: w.level(g.highest.level),
      low: w.level(g.lowest.level),
    }),
    figure: "perception-gap",
    claims: [],
  };
}

function agencyGapMessage(w: Words, professional: ProfessionalResults): KeyMessage | null {
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
      text: w.t("km.agencyGap", {
        low: w.lang === "en" ? capitalise(w.staff(g.lowest.group)) : w.staff(g.lowest.group),
        component: w.component(c.component),
        pts: w.pts(g.gap.difference),
        high: w.staff(g.highest.group),
      }),
      figure: "agency-heatmap",
      claims: [c.component],
    };
  }
  const { c, g } = [...gaps].sort((a, b) => size(b) - size(a))[0]!;
  return {
    kind: "agency_gap",
    text: w.t("km.agencyGapUnclear", {
      pts: w.pts(g.gap.difference),
      component: w.component(c.component),
      high: w.staff(g.highest.group),
      low: w.staff(g.lowest.group),
    }),
    figure: "agency-heatmap",
    claims: [],
  };
}

function familiesMessage(w: Words, professional: ProfessionalResults, family: FamilyResults): KeyMessage | null {
  const rows = experienceGap(professional, family).filter((r) => r.difference !== null);
  if (!rows.length) return null;
  const lower = rows.filter((r) => r.verdict === "families_lower").sort((a, b) => a.difference! - b.difference!);
  const higher = rows.filter((r) => r.verdict === "families_higher").sort((a, b) => b.difference! - a.difference!);
  if (lower.length) {
    const top = lower.slice(0, 3);
    const more = lower.length > top.length ? w.t("km.more", { n: lower.length - top.length }) : "";
    return {
      kind: "families",
      text: w.t("km.familiesLower", {
        components: w.list(top.map((r) => w.component(r.component))),
        more,
        by: w.list(top.map((r) => w.pts(r.difference!))),
      }),
      figure: "experience-gap",
      claims: lower.map((r) => r.component),
    };
  }
  if (higher.length) {
    const top = higher.slice(0, 3);
    return {
      kind: "families",
      text: w.t("km.familiesHigher", {
        components: w.list(top.map((r) => w.component(r.component))),
        by: w.list(top.map((r) => w.pts(r.difference!))),
      }),
      figure: "experience-gap",
      claims: higher.map((r) => r.component),
    };
  }
  return {
    kind: "families",
    text: w.t("km.familiesSame", { count: rows.length }),
    figure: "experience-gap",
    claims: [],
  };
}

function changeMessage(w: Words, previousName: string, changes: readonly ComponentChange[]): KeyMessage | null {
  const comparable = changes.filter((c) => c.verdict !== null);
  if (!comparable.length) return null;
  const rises = comparable.filter((c) => c.verdict === "clear_rise").sort((a, b) => b.change! - a.change!);
  const falls = comparable.filter((c) => c.verdict === "clear_fall").sort((a, b) => a.change! - b.change!);
  if (!rises.length && !falls.length) {
    return {
      kind: "change",
      text: w.t("km.noChange", { previous: previousName }),
      figure: "change",
      claims: [],
    };
  }
  const parts = [
    ...rises.map((c) => w.t("km.rose", { component: w.component(c.component), pts: w.pts(c.change!) })),
    ...falls.map((c) => w.t("km.fell", { component: w.component(c.component), pts: w.pts(c.change!) })),
  ];
  const others = comparable.length - rises.length - falls.length;
  return {
    kind: "change",
    text: w.t("km.change", {
      previous: previousName,
      parts: w.list(parts),
      others: others ? w.t("km.others", { count: others }) : "",
    }),
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
export function keyMessages({ result, comparison, lang = DEFAULT_LANG }: KeyMessageInput): KeyMessage[] {
  if (result.status !== "ok") return [];
  const w = words(lang);
  const professional = result.professional.status === "ok" ? result.professional : null;
  const family = result.family.status === "ok" ? result.family : null;
  const continuum = result.continuum.status === "ok" ? result.continuum : null;
  const messages = [
    professional && bandsMessage(w, professional),
    professional && highestLowestMessage(w, professional),
    continuum && continuumMessage(w, continuum),
    professional && levelGapMessage(w, professional),
    professional && agencyGapMessage(w, professional),
    professional && family && familiesMessage(w, professional, family),
    comparison && changeMessage(w, comparison.previousName, comparison.changes),
  ];
  return messages.filter((m): m is KeyMessage => Boolean(m));
}

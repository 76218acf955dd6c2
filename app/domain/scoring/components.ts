/**
 * The components of integration: one pass over a section's responses adds each respondent to
 * every component, sub-score and group, then each is summarised into a published figure
 * (score, band, SD, confidence interval, median, agreement, split) with suppression applied.
 * Also Cronbach's alpha, the perception gap between levels and the top-five item lists.
 */
import {
  COMPONENT_KEYS,
  LEVEL_KEYS,
  bandFor,
  type BandKey,
  type ComponentKey,
  type LevelKey,
  type Polarity,
} from "../framework";
import type { ScoredItem } from "../instrument";
import { ci95OfMean, feldtInterval, meanAndSd, medianOfSorted, round1, round2, welchInterval } from "../statistics";
import {
  guardFigure,
  jointMarker,
  noData,
  planJointSuppression,
  type PeopleGroup,
  type Suppressed,
} from "../suppression";
import { DK, TWELFTHS, answerOf, itemValue } from "./answers";
import type { Alpha, ItemResult, PerceptionGap, RankedItem, ResponseInput, ScoreFigure, ScoreSummary } from "./types";

/**
 * Cronbach's alpha is computed once at least this many respondents answered every item of a
 * component. At 10 the Feldt interval of a typical alpha (0.75, two items) runs from 0 to 0.94:
 * it says nothing. At 20 it is about 0.4 to 0.9, wide but informative (docs/scoring.md).
 */
export const ALPHA_MIN_RESPONDENTS = 20;
/** SCIROCCO: an item is split when this share or more of raters fall outside one scale point of its median... */
export const SPLIT_SHARE = 1 / 3;
/** ...and at least this many of them: one person alone is an outlier, not a divided group. */
export const SPLIT_MIN_OUTSIDE = 2;
/**
 * Band cut-offs of barrier items and barrier sub-scores: "strength" when the average answer is
 * at most "a minor barrier" (66.7), "concern" below the scale's midpoint (50). The agreement
 * scale's 75 / 50 are Wilder's 4.0 ("agree") and 3.0 (the midpoint); these are the same two
 * meanings on the 4-point barrier scale.
 */
export const BARRIER_STRENGTH = 66.7;
/** One scale point on the 0-100 scale: 25 for the 5-point agreement scale, 33.3 for the 4-point barrier scale. */
export const SCALE_POINT: Record<Polarity, number> = { facilitator: 25, barrier: 100 / 3 };
/** How many items the top lists hold. */
export const TOP_LIST_LENGTH = 5;

const EPSILON = 1e-9;

/** The band of a score as shown: agreement cut-offs (75 / 50), or the barrier scale's (66.7 / 50). */
export function bandOf(score: number, scale: "agreement" | "barrier"): BandKey {
  if (scale === "agreement") return bandFor(score);
  return score >= BARRIER_STRENGTH ? "strength" : score >= 50 ? "borderline" : "concern";
}

const ITEM_SCORES_FACILITATOR = [0, 0, 25, 50, 75, 100]; // by raw value 1..5
const ITEM_SCORES_BARRIER = [0, 100, 200 / 3, 100 / 3, 0]; // by raw value 1..4 (reversed)
/** Raw answers in ascending score order: barriers 4..1, facilitators 1..5. */
const RAWS_BARRIER = [4, 3, 2, 1];
const RAWS_FACILITATOR = [1, 2, 3, 4, 5];

/** An item's answers as ascending 0-100 values and their counts, from its histogram of raw answers. */
function itemDistribution(hist: ArrayLike<number>, barrier: boolean): { values: number[]; counts: number[] } {
  const raws = barrier ? RAWS_BARRIER : RAWS_FACILITATOR;
  const scores = barrier ? ITEM_SCORES_BARRIER : ITEM_SCORES_FACILITATOR;
  return { values: raws.map((raw) => scores[raw]!), counts: raws.map((raw) => hist[raw]!) };
}

/**
 * SCIROCCO's consensus rule on one item: how many answers fall outside one scale point of the
 * item's median (25 on the agreement scale, 33.3 on the barrier scale; the edge counts as
 * inside), and whether the item is split: a third or more outside, and at least two people.
 */
function itemSpread(hist: ArrayLike<number>, barrier: boolean): { n: number; outside: number; split: boolean } {
  const { values, counts } = itemDistribution(hist, barrier);
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return { n, outside: 0, split: false };
  const median = medianOfSorted(values, counts, n);
  const band = SCALE_POINT[barrier ? "barrier" : "facilitator"];
  let outside = 0;
  for (let i = 0; i < values.length; i++) if (Math.abs(values[i]! - median) > band + EPSILON) outside += counts[i]!;
  // "A third or more": 3 * outside >= n avoids 1/3 rounding.
  return { n, outside, split: 3 * outside >= n && outside >= SPLIT_MIN_OUTSIDE };
}

/**
 * Agreement over a figure's items, judged item by item (the averaging of several items into a
 * respondent score shrinks the spread, so the rule is never applied to averages): `agreement`
 * is the share of all answers within one scale point of their item's median, and the figure is
 * split when at least half of its answered items are split.
 */
function agreementOverItems(itemHist: readonly ArrayLike<number>[], barrier: readonly boolean[]) {
  let answers = 0;
  let outside = 0;
  let items = 0;
  let splitItems = 0;
  for (let i = 0; i < itemHist.length; i++) {
    const spread = itemSpread(itemHist[i]!, barrier[i]!);
    if (spread.n === 0) continue;
    items++;
    answers += spread.n;
    outside += spread.outside;
    if (spread.split) splitItems++;
  }
  return {
    agreement: answers === 0 ? 1 : round2((answers - outside) / answers),
    split: items > 0 && 2 * splitItems >= items,
    splitItems: { split: splitItems, of: items },
  };
}

/**
 * The published summary of a sorted list of 0-100 values with optional weights (counts), so
 * that an item's histogram and a group's list of respondent scores go through the same
 * arithmetic: mean, SD and 95% interval (./statistics), median, band, and the agreement index
 * and split computed item by item from the answers behind the figure. Sums run in sorted order:
 * the result does not depend on the order respondents arrived in.
 */
function summariseScores(
  values: ArrayLike<number>,
  counts: ArrayLike<number> | null,
  scale: "agreement" | "barrier",
  band: number,
  agreement: ReturnType<typeof agreementOverItems>,
  dontKnow: number,
  leftOut: number,
): ScoreSummary {
  const { n, mean, sd } = meanAndSd(values, counts);
  const median = medianOfSorted(values, counts, n);
  const score = round1(mean);
  return {
    score,
    band: bandOf(score, scale),
    n,
    sd: round1(sd),
    ci95: ci95OfMean(mean, sd, n),
    median: round1(median),
    agreement: agreement.agreement,
    agreementBand: round1(band),
    split: agreement.split,
    splitItems: agreement.splitItems,
    dontKnow,
    leftOut,
  };
}

/**
 * Respondents' scores and counts for one figure (a component, a level cell, a group...), and
 * the raw answers behind it per item of the component (index 1..5), for the split rule.
 */
export class Slot {
  /** Respondents' scores, as how many had each (a component's scores take few distinct values). */
  private readonly scores = new Map<number, number>();
  /** How many respondents' scores it holds. */
  count = 0;
  dontKnow = 0;
  leftOut = 0;
  readonly itemHist: Int32Array[];
  /** The items whose answers this figure's histograms count (a sub-score counts its own). */
  private readonly counted: number[];
  constructor(
    readonly band: number,
    readonly barrier: readonly boolean[],
    readonly scale: "agreement" | "barrier" = "agreement",
    include: (i: number) => boolean = () => true,
  ) {
    this.itemHist = barrier.map(() => new Int32Array(6));
    this.counted = barrier.flatMap((_, i) => (include(i) ? [i] : []));
  }
  /** Adds a respondent's score and their answers (twelfths, as ./answers reads them) to the items it counts. */
  add(score: number, scratch: Int32Array): void {
    this.scores.set(score, (this.scores.get(score) ?? 0) + 1);
    this.count++;
    for (const i of this.counted) {
      const v = scratch[i]!;
      if (v < 0) continue;
      // Back to the raw answer: facilitator v/300 + 1, barrier 4 - v/400.
      this.itemHist[i]![this.barrier[i] ? 4 - v / 400 : v / 300 + 1]!++;
    }
  }
  /** The distinct scores in ascending order, with how many respondents had each. */
  distribution(): { values: Float64Array; counts: Int32Array } {
    const values = Float64Array.from(this.scores.keys()).sort();
    return { values, counts: Int32Array.from(values, (v) => this.scores.get(v)!) };
  }
}

export interface Grouping {
  keys: readonly string[];
  keyOf: (r: ResponseInput) => string | null;
}

export interface PreparedComponent {
  key: ComponentKey;
  items: ScoredItem[];
  barrier: boolean[];
  levelIndex: number[];
  levelItems: number[];
  facilitatorItems: number;
  barrierItems: number;
  overall: Slot;
  facilitators: Slot;
  barriers: Slot;
  byItemLevel: Slot[];
  /** groups[g][k]: grouping g, key k */
  groups: Slot[][];
  /** Indexes (in the section's responses) of the respondents kept in the component. */
  kept: number[];
  itemDontKnow: number[];
  itemLeftOut: number[];
  alpha: { m: number; itemSum: number[]; itemSumSq: number[]; totalSum: number; totalSumSq: number };
}

function meanBand(items: readonly ScoredItem[]): number {
  if (items.length === 0) return SCALE_POINT.facilitator;
  let sum = 0;
  for (const item of items) sum += SCALE_POINT[item.polarity];
  return sum / items.length;
}

function prepare(items: readonly ScoredItem[], groupings: readonly Grouping[]): PreparedComponent[] {
  const out: PreparedComponent[] = [];
  for (const key of COMPONENT_KEYS) {
    const own = items.filter((item) => item.component === key);
    if (own.length === 0) continue; // the questionnaire does not measure it: nothing to report
    const levelIndex = own.map((item) => LEVEL_KEYS.indexOf(item.level));
    const levelItems = LEVEL_KEYS.map((_, l) => levelIndex.filter((x) => x === l).length);
    const barrier = own.map((item) => item.polarity === "barrier");
    out.push({
      key,
      items: own,
      barrier,
      levelIndex,
      levelItems,
      facilitatorItems: own.filter((item) => item.polarity === "facilitator").length,
      barrierItems: own.filter((item) => item.polarity === "barrier").length,
      overall: new Slot(meanBand(own), barrier),
      facilitators: new Slot(SCALE_POINT.facilitator, barrier, "agreement", (i) => !barrier[i]),
      barriers: new Slot(SCALE_POINT.barrier, barrier, "barrier", (i) => barrier[i]!),
      byItemLevel: LEVEL_KEYS.map(
        (level, l) =>
          new Slot(
            meanBand(own.filter((item) => item.level === level)),
            barrier,
            "agreement",
            (i) => levelIndex[i] === l,
          ),
      ),
      groups: groupings.map((g) => g.keys.map(() => new Slot(meanBand(own), barrier))),
      kept: [],
      itemDontKnow: own.map(() => 0),
      itemLeftOut: own.map(() => 0),
      alpha: {
        m: 0,
        itemSum: own.map(() => 0),
        itemSumSq: own.map(() => 0),
        totalSum: 0,
        totalSumSq: 0,
      },
    });
  }
  return out;
}

/**
 * Adds one respondent's answers to every component. The rules, applied here:
 * - "don't know" is counted, never scored (not a zero);
 * - a respondent who answered fewer than half a component's items is left out of that
 *   component entirely (overall, sub-scores and item scores), though their "don't know"
 *   answers are still counted; exactly half is enough (DESIGN: "at least half");
 * - a sub-score (facilitators, barriers, one level's items) applies the same half rule to its
 *   own items, among respondents kept in the component;
 * - `leftOut`, for every figure alike: respondents who gave at least one real answer (not
 *   "don't know") to the figure's items but are not counted in it, because of the half rule of
 *   the component or of the figure itself. A respondent who answered only "don't know" is
 *   counted in `dontKnow`, not as left out.
 */
function addRespondent(
  comps: readonly PreparedComponent[],
  response: ResponseInput,
  groupIndex: readonly number[],
  scratch: Int32Array,
  index: number,
): void {
  const answers = response.answers;
  for (const c of comps) {
    const k = c.items.length;
    let answered = 0;
    let sum = 0;
    let dk = 0;
    for (let i = 0; i < k; i++) {
      const v = itemValue(answerOf(answers, c.items[i]!.key), c.barrier[i]!);
      scratch[i] = v;
      if (v >= 0) {
        answered++;
        sum += v;
      } else if (v === DK) {
        dk++;
        c.itemDontKnow[i]!++;
      }
    }
    c.overall.dontKnow += dk;
    for (let g = 0; g < groupIndex.length; g++) {
      const gi = groupIndex[g]!;
      if (gi >= 0) c.groups[g]![gi]!.dontKnow += dk;
    }
    // Sub-score "don't know" counts, whether or not the respondent is kept.
    for (let i = 0; i < k; i++) {
      if (scratch[i] !== DK) continue;
      c.byItemLevel[c.levelIndex[i]!]!.dontKnow++;
      (c.barrier[i] ? c.barriers : c.facilitators).dontKnow++;
    }

    const kept = answered > 0 && answered * 2 >= k;
    if (!kept) {
      if (answered === 0) continue; // only "don't know": counted above, not left out
      c.overall.leftOut++;
      for (let g = 0; g < groupIndex.length; g++) {
        const gi = groupIndex[g]!;
        if (gi >= 0) c.groups[g]![gi]!.leftOut++;
      }
      let fac = false;
      let bar = false;
      const levels = [false, false, false, false];
      for (let i = 0; i < k; i++) {
        if (scratch[i]! < 0) continue;
        c.itemLeftOut[i]!++;
        levels[c.levelIndex[i]!] = true;
        if (c.barrier[i]) bar = true;
        else fac = true;
      }
      if (fac) c.facilitators.leftOut++;
      if (bar) c.barriers.leftOut++;
      for (let l = 0; l < 4; l++) if (levels[l]) c.byItemLevel[l]!.leftOut++;
      continue;
    }

    const score = sum / (TWELFTHS * answered);
    c.overall.add(score, scratch);
    c.kept.push(index);
    for (let g = 0; g < groupIndex.length; g++) {
      const gi = groupIndex[g]!;
      if (gi >= 0) c.groups[g]![gi]!.add(score, scratch);
    }

    // Sub-scores: per level of the items, facilitators, barriers.
    let facA = 0,
      facS = 0,
      barA = 0,
      barS = 0;
    const levA = [0, 0, 0, 0];
    const levS = [0, 0, 0, 0];
    for (let i = 0; i < k; i++) {
      const v = scratch[i]!;
      if (v < 0) continue;
      const l = c.levelIndex[i]!;
      levA[l]!++;
      levS[l]! += v;
      if (c.barrier[i]) {
        barA++;
        barS += v;
      } else {
        facA++;
        facS += v;
      }
    }
    for (let l = 0; l < 4; l++) {
      addSub(c.byItemLevel[l]!, levA[l]!, levS[l]!, c.levelItems[l]!, scratch);
    }
    addSub(c.facilitators, facA, facS, c.facilitatorItems, scratch);
    addSub(c.barriers, barA, barS, c.barrierItems, scratch);

    if (answered === k) {
      const a = c.alpha;
      a.m++;
      a.totalSum += sum;
      a.totalSumSq += sum * sum;
      for (let i = 0; i < k; i++) {
        const v = scratch[i]!;
        a.itemSum[i]! += v;
        a.itemSumSq[i]! += v * v;
      }
    }
  }
}

function addSub(slot: Slot, answered: number, sum: number, items: number, scratch: Int32Array): void {
  if (items === 0 || answered === 0) return;
  if (answered * 2 >= items) slot.add(sum / (TWELFTHS * answered), scratch);
  else slot.leftOut++;
}

export function summariseSlot(slot: Slot, threshold: number, noDataReason = "No answers"): ScoreFigure {
  return guardFigure(
    slot.count,
    threshold,
    () => {
      const { values, counts } = slot.distribution();
      const agreement = agreementOverItems(slot.itemHist, slot.barrier);
      return summariseScores(values, counts, slot.scale, slot.band, agreement, slot.dontKnow, slot.leftOut);
    },
    noDataReason,
  );
}

function summariseItem(c: PreparedComponent, i: number, threshold: number): ScoreFigure {
  const hist = c.overall.itemHist[i]!;
  const barrier = c.barrier[i]!;
  const n = hist.reduce((a, b) => a + b, 0);
  return guardFigure(n, threshold, () => {
    const { values, counts } = itemDistribution(hist, barrier);
    const agreement = agreementOverItems([hist], [barrier]);
    const band = SCALE_POINT[c.items[i]!.polarity];
    const scale = barrier ? "barrier" : "agreement";
    return summariseScores(values, counts, scale, band, agreement, c.itemDontKnow[i]!, c.itemLeftOut[i]!);
  });
}

export function cronbachAlpha(c: PreparedComponent, threshold: number): Alpha {
  const k = c.items.length;
  const { m, itemSum, itemSumSq, totalSum, totalSumSq } = c.alpha;
  const needed = Math.max(ALPHA_MIN_RESPONDENTS, threshold);
  if (k < 2) return { status: "not_computed", reason: "Needs at least two items" };
  if (m < needed) {
    return { status: "not_computed", reason: `Fewer than ${needed} respondents answered every item` };
  }
  // Variances from exact integer sums (twelfths); the common factor cancels in the ratio.
  const variance = (s: number, ss: number) => (ss - (s * s) / m) / (m - 1);
  let itemVariances = 0;
  for (let i = 0; i < k; i++) itemVariances += variance(itemSum[i]!, itemSumSq[i]!);
  const totalVariance = variance(totalSum, totalSumSq);
  if (totalVariance <= 0) return { status: "not_computed", reason: "Everyone gave the same answers" };
  const value = (k / (k - 1)) * (1 - itemVariances / totalVariance);
  // Feldt's interval; its lower end can fall below 0 (alpha itself can), shown as it is.
  const ci = feldtInterval(value, m, k, 0.95);
  return { status: "ok", value: round2(value), n: m, items: k, ci95: { low: round2(ci.low), high: round2(ci.high) } };
}

export interface SectionScores {
  comps: PreparedComponent[];
  /** groupOf[g][r]: the index of respondent r's key in grouping g, or -1. */
  groupOf: Int32Array[];
}

export function scoreSection(
  responses: readonly ResponseInput[],
  items: readonly ScoredItem[],
  groupings: readonly Grouping[],
): SectionScores {
  const comps = prepare(items, groupings);
  const maxItems = comps.reduce((m, c) => Math.max(m, c.items.length), 0);
  const scratch = new Int32Array(maxItems);
  const groupIndex = new Array<number>(groupings.length);
  const groupOf = groupings.map(() => new Int32Array(responses.length));
  responses.forEach((response, r) => {
    for (let g = 0; g < groupings.length; g++) {
      const key = groupings[g]!.keyOf(response);
      groupIndex[g] = key === null ? -1 : groupings[g]!.keys.indexOf(key);
      groupOf[g]![r] = groupIndex[g]!;
    }
    addRespondent(comps, response, groupIndex, scratch, r);
  });
  return { comps, groupOf };
}

/**
 * A component's breakdowns by respondent group (by level and by agency type, or by family
 * group), suppressed jointly (../suppression.ts, planJointSuppression): a group is shown only
 * when the round's plan shows it (`hidden` holds the "grouping:key" names it hides) and no
 * group or remainder of the respondents kept in the component, derived by adding and
 * subtracting the shown groups and the component's overall figure, is below the threshold.
 */
export function jointBreakdowns(
  c: PreparedComponent,
  section: SectionScores,
  groupings: readonly { name: string; keys: readonly string[] }[],
  threshold: number,
  hidden: ReadonlyMap<string, Suppressed>,
  /** Groups of this component published by earlier snapshots ("c:<name>:level:team"), by section index. */
  earlier: readonly { key: string; inSection: Uint8Array }[] = [],
  name = c.key as string,
): Record<string, ScoreFigure>[] {
  const groups: PeopleGroup[] = [];
  const fixed = new Set<string>();
  earlier.forEach((e, j) => {
    if (!e.key.startsWith(`c:${name}:`)) return;
    const key = `earlier${j}:${e.key}`;
    groups.push({ key, members: c.kept.flatMap((r, i) => (e.inSection[r] ? [i] : [])) });
    fixed.add(key);
  });
  groupings.forEach((grouping, g) => {
    const members: number[][] = grouping.keys.map(() => []);
    c.kept.forEach((r, i) => {
      const k = section.groupOf[g]![r]!;
      if (k >= 0) members[k]!.push(i);
    });
    grouping.keys.forEach((key, k) => groups.push({ key: `${grouping.name}:${key}`, members: members[k]! }));
  });
  const plan = planJointSuppression(c.kept.length, groups, threshold, { alsoHidden: new Set(hidden.keys()), fixed });
  return groupings.map((grouping, g) => {
    const out: Record<string, ScoreFigure> = {};
    grouping.keys.forEach((key, k) => {
      const name = `${grouping.name}:${key}`;
      const marker = hidden.get(name) ?? jointMarker(plan.get(name), threshold);
      out[key] = marker ?? summariseSlot(c.groups[g]![k]!, threshold);
    });
    return out;
  });
}

export function byItemLevel(c: PreparedComponent, threshold: number): Record<LevelKey, ScoreFigure> {
  const out = {} as Record<LevelKey, ScoreFigure>;
  LEVEL_KEYS.forEach((level, l) => {
    out[level] =
      c.levelItems[l] === 0 ? noData("No items about this level") : summariseSlot(c.byItemLevel[l]!, threshold);
  });
  return out;
}

/**
 * The perception gap: the highest- minus the lowest-scoring level among those shown, with a
 * Welch interval of the difference. The two levels are picked after looking at the scores, so
 * the interval is widened for every pair that could have been picked (Bonferroni: a 95% family
 * over m(m-1)/2 pairs of m levels shown). The gap is "clear" when the interval excludes 0.
 * `slots` are the respondents' scores by level (the same order as LEVEL_KEYS).
 */
export function perceptionGap(levels: Record<LevelKey, ScoreFigure>, slots: readonly Slot[]): PerceptionGap {
  let highest: { level: LevelKey; score: number; index: number } | null = null;
  let lowest: { level: LevelKey; score: number; index: number } | null = null;
  let shown = 0;
  LEVEL_KEYS.forEach((level, index) => {
    const f = levels[level];
    if (f.status !== "ok") return;
    shown++;
    if (!highest || f.score > highest.score) highest = { level, score: f.score, index };
    if (!lowest || f.score < lowest.score) lowest = { level, score: f.score, index };
  });
  const hi = highest as { level: LevelKey; score: number; index: number } | null;
  const lo = lowest as { level: LevelKey; score: number; index: number } | null;
  if (shown < 2 || !hi || !lo) return noData("Fewer than two levels can be shown");
  const pairs = (shown * (shown - 1)) / 2;
  const confidence = 1 - 0.05 / pairs;
  const stats = (slot: Slot) => {
    const { values, counts } = slot.distribution();
    return meanAndSd(values, counts);
  };
  const w = welchInterval(stats(slots[hi.index]!), stats(slots[lo.index]!), confidence);
  return {
    status: "ok",
    gap: round1(hi.score - lo.score),
    highest: { level: hi.level, score: hi.score },
    lowest: { level: lo.level, score: lo.score },
    ci: { low: round1(w.low), high: round1(w.high), confidence: Math.round(confidence * 10000) / 10000 },
    clear: w.low > 0,
  };
}

export function itemResults(comps: readonly PreparedComponent[], threshold: number): ItemResult[] {
  const out: ItemResult[] = [];
  for (const c of comps) {
    c.items.forEach((item, i) => {
      out.push({
        key: item.key,
        title: item.title,
        component: item.component,
        level: item.level,
        polarity: item.polarity,
        figure: summariseItem(c, i, threshold),
      });
    });
  }
  return out;
}

/**
 * The top five of one polarity. Only items whose score can be shown take part. Ties in the
 * (rounded, published) score are broken by n, more answers first, then by key: a fixed order.
 */
export function topItems(items: readonly ItemResult[], polarity: Polarity): RankedItem[] {
  const candidates: Omit<RankedItem, "rank">[] = [];
  for (const item of items) {
    if (item.polarity !== polarity || item.figure.status !== "ok") continue;
    const { key, title, component, level } = item;
    candidates.push({ key, title, component, level, polarity, score: item.figure.score, n: item.figure.n });
  }
  const direction = polarity === "facilitator" ? -1 : 1; // facilitators: highest first; barriers: lowest (most severe) first
  candidates.sort(
    (a, b) => direction * (a.score - b.score) || b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return candidates.slice(0, TOP_LIST_LENGTH).map((c, i) => ({ rank: i + 1, ...c }));
}

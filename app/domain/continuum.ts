/**
 * The one placement rule of the continuum of integration (docs/scoring.md, "The continuum of
 * integration"), used both when a round is scored from its answers (./scoring) and when areas
 * are compared from counts the database summed (./comparison):
 * - a marker's mean is that of its answers (yes = 1, partly = 0.5, no = 0; "don't know" left
 *   out), over at least `threshold` raters; with fewer raters it cannot be judged (and its
 *   figure is suppressed);
 * - a marker is met when the whole of the 90% Wilson interval of its mean is at or above 0.5
 *   (a one-sided 95% lower bound), not met when the whole of it is below 0.5, and uncertain
 *   when the interval straddles 0.5: the answers cannot tell (docs/scoring.md);
 * - a stage is met when every one of its markers is met (DESIGN: "the highest one whose
 *   markers ... are met"), not met when any is not, uncertain when none failed but some are
 *   uncertain, and "unknown" when none failed or is uncertain but some cannot be judged;
 * - the current stage is the highest s such that stages 1..s are all met (cumulative, after
 *   Minkman); `upTo` is the highest the partnership might be at if the uncertain stages were
 *   met, and the stage is "uncertain" when the two differ; stages above `upTo` that are met are
 *   reported as non-cumulative, not hidden.
 *
 * Plain TypeScript, no framework or database imports.
 */
import { STAGES, type StageKey, type StageNumber } from "./framework";
import { wilsonInterval } from "./statistics";
import { noData, suppressedMarker, type Figure } from "./suppression";

export interface StageRef {
  stage: StageNumber;
  key: StageKey;
  name: string;
}

/** The number, key and name of stage 0..5. */
export const stageRef = (s: number): StageRef => {
  const { stage, key, name } = STAGES[s]!;
  return { stage, key, name };
};

/**
 * met: every marker of the stage is met; not_met: at least one is not; unknown: none failed
 * but some had too few raters to tell; no_markers: the questionnaire has none for this stage.
 */
export type StageStatus = "met" | "not_met" | "uncertain" | "unknown" | "no_markers";

export interface Placement {
  /** Highest stage s such that stages 1..s are all met (0, co-existence, when stage 1 is not). */
  current: StageRef;
  /**
   * The highest stage the partnership might be at: stages 1..upTo are each met or uncertain.
   * Equal to `current` unless the answers cannot tell whether the next stage(s) are met.
   */
  upTo: StageRef;
  /** True when `upTo` is above `current`: the data cannot tell which of these stages the partnership is at. */
  uncertain: boolean;
  /** Stages above `upTo` whose markers are met: a non-cumulative pattern, shown not hidden. */
  nonCumulative: StageRef[];
  /** True when the stage just above the current one could not be judged (too few raters): the partnership may be further along. */
  lowerBound: boolean;
}

/** A marker's verdict: met, not met or uncertain, or not judged (no answers, or fewer raters than the threshold). */
export type MarkerJudgement = "met" | "not_met" | "uncertain" | "no_data" | "suppressed";

/** The mean a marker must reach: half-way between "no" and "yes". */
export const MARKER_CUT = 0.5;
/** The normal quantile of a one-sided 95% bound (scipy.stats.norm.ppf(0.95)): a 90% two-sided Wilson interval. */
export const MARKER_Z = 1.6448536269514722;

/**
 * A marker's mean (yes = 1, partly = 0.5, no = 0) and its 90% Wilson interval, treating the
 * mean as a proportion ("partly" is half a yes). Answers of three values vary no more than yes/no
 * answers with the same mean, so the interval is, if anything, cautious.
 *
 * @example
 * markerInterval({ yes: 4, partly: 0, no: 1 }) // { mean: 0.8, n: 5, low: 0.435, high: 0.954 } (to three decimals)
 */
export function markerInterval(m: { yes: number; partly: number; no: number }): {
  mean: number;
  n: number;
  low: number;
  high: number;
} {
  const n = m.yes + m.partly + m.no;
  const mean = (m.yes + m.partly / 2) / n;
  return { mean, n, ...wilsonInterval(mean, n, MARKER_Z) };
}

/**
 * Judges a marker from its answer counts: no_data without answers, suppressed below the
 * threshold, otherwise met (the interval is at or above 0.5), not_met (below it) or uncertain
 * (it straddles 0.5).
 *
 * @example
 * judgeMarker({ yes: 3, partly: 0, no: 1 }, 5) // "suppressed"
 * judgeMarker({ yes: 5, partly: 0, no: 0 }, 5) // "met": 90% interval 0.649 to 1
 * judgeMarker({ yes: 4, partly: 0, no: 1 }, 5) // "uncertain": 0.435 to 0.954
 */
export function judgeMarker(m: { yes: number; partly: number; no: number }, threshold: number): MarkerJudgement {
  const n = m.yes + m.partly + m.no;
  if (n === 0) return "no_data";
  if (n < threshold) return "suppressed";
  const { low, high } = markerInterval(m);
  return low >= MARKER_CUT ? "met" : high < MARKER_CUT ? "not_met" : "uncertain";
}

/**
 * The status of stages 1..5 (index 0 is stage 1) and how many markers of each were met.
 *
 * @example
 * stageStatuses([{ stage: 1, judgement: "met" }, { stage: 2, judgement: "suppressed" }])
 * // [{ status: "met", markers: 1, met: 1, uncertain: 0 }, { status: "unknown", markers: 1, met: 0, uncertain: 0 }, { status: "no_markers", ... }, ...]
 */
export function stageStatuses(
  markers: readonly { stage: number; judgement: MarkerJudgement }[],
): { status: StageStatus; markers: number; met: number; uncertain: number }[] {
  return [1, 2, 3, 4, 5].map((s) => {
    const own = markers.filter((m) => m.stage === s);
    const met = own.filter((m) => m.judgement === "met").length;
    const uncertain = own.filter((m) => m.judgement === "uncertain").length;
    const failed = own.filter((m) => m.judgement === "not_met").length;
    const status: StageStatus =
      own.length === 0
        ? "no_markers"
        : failed > 0
          ? "not_met"
          : met === own.length
            ? "met"
            : met + uncertain === own.length
              ? "uncertain"
              : "unknown";
    return { status, markers: own.length, met, uncertain };
  });
}

/**
 * Places a partnership on the continuum from its markers' judgements, by the cumulative rule
 * above. No data when the questionnaire has no markers or nobody answered them; suppressed when
 * every marker answered had fewer raters than the threshold.
 *
 * @example
 * placeOnContinuum([
 *   { stage: 1, judgement: "met" }, { stage: 2, judgement: "not_met" }, { stage: 3, judgement: "met" },
 * ], 5)
 * // { status: "ok", current: { stage: 1, ... }, upTo: { stage: 1, ... }, uncertain: false, nonCumulative: [{ stage: 3, ... }], lowerBound: false }
 */
export function placeOnContinuum(
  markers: readonly { stage: number; judgement: MarkerJudgement }[],
  threshold: number,
): Figure<Placement> {
  if (markers.length === 0) return noData("The questionnaire has no continuum markers");
  if (!markers.some((m) => m.judgement === "met" || m.judgement === "not_met" || m.judgement === "uncertain")) {
    return markers.some((m) => m.judgement === "suppressed")
      ? suppressedMarker(threshold)
      : noData("No marker answers");
  }
  const stages = stageStatuses(markers).map((s) => s.status);
  let current = 0;
  while (current < 5 && stages[current] === "met") current++;
  let upTo = current;
  while (upTo < 5 && (stages[upTo] === "met" || stages[upTo] === "uncertain")) upTo++;
  return {
    status: "ok",
    current: stageRef(current),
    upTo: stageRef(upTo),
    uncertain: upTo > current,
    nonCumulative: stages.flatMap((status, i) => (i + 1 > upTo && status === "met" ? [stageRef(i + 1)] : [])),
    lowerBound: upTo < 5 && stages[upTo] === "unknown",
  };
}

/**
 * The gap between the stage respondents want (the median target) and the current stage:
 * positive = wants to move along, 0 = where it wants to be, negative = wants less. Hidden when
 * either side is hidden.
 *
 * @example
 * gapToTarget(placementAtStage2, { status: "ok", median: 3.5 }, 5) // { status: "ok", current: 2, target: 3.5, gap: 1.5 }
 */
export function gapToTarget(
  placement: Figure<Placement>,
  target: Figure<{ median: number }>,
  threshold: number,
): Figure<{ current: StageNumber; target: number; gap: number }> {
  if (placement.status === "ok" && target.status === "ok") {
    return {
      status: "ok",
      current: placement.current.stage,
      target: target.median,
      gap: target.median - placement.current.stage,
    };
  }
  return placement.status === "suppressed" || target.status === "suppressed"
    ? suppressedMarker(threshold)
    : noData("Needs both a placement and a target");
}

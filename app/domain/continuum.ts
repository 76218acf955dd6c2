/**
 * The one placement rule of the continuum of integration (docs/scoring.md, "The continuum of
 * integration"), used both when a round is scored from its answers (./scoring) and when areas
 * are compared from counts the database summed (./comparison):
 * - a marker is met when the mean of its answers (yes = 1, partly = 0.5, no = 0; "don't know"
 *   left out) is at least 0.5, over at least `threshold` raters; with fewer raters it cannot be
 *   judged (and its figure is suppressed);
 * - a stage is met when every one of its markers is met (DESIGN: "the highest one whose
 *   markers ... are met"); a stage with a marker that cannot be judged and none that failed is
 *   "unknown", and like a stage without markers it stops the climb;
 * - the current stage is the highest s such that stages 1..s are all met (cumulative, after
 *   Minkman); stages above it that are met are reported as non-cumulative, not hidden.
 *
 * Plain TypeScript, no framework or database imports.
 */
import { STAGES, type StageKey, type StageNumber } from "./framework";
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
export type StageStatus = "met" | "not_met" | "unknown" | "no_markers";

export interface Placement {
  /** Highest stage s such that stages 1..s are all met (0, co-existence, when stage 1 is not). */
  current: StageRef;
  /** Stages above the current one whose markers are met: a non-cumulative pattern, shown not hidden. */
  nonCumulative: StageRef[];
  /** True when the stage just above the current one could not be judged (too few raters): the partnership may be further along. */
  lowerBound: boolean;
}

/** A marker's verdict: met or not, or not judged (no answers, or fewer raters than the threshold). */
export type MarkerJudgement = "met" | "not_met" | "no_data" | "suppressed";

/**
 * Whether a marker is met: the mean of yes = 1, partly = 0.5, no = 0 is at least 0.5. In whole
 * numbers (2 yes + partly >= n), so there is no rounding at the boundary.
 *
 * @example
 * markerMet({ yes: 2, partly: 1, no: 3 }) // false: mean 2.5 / 6 < 0.5
 * markerMet({ yes: 2, partly: 2, no: 2 }) // true: mean exactly 0.5
 */
export function markerMet(m: { yes: number; partly: number; no: number }): boolean {
  return 2 * m.yes + m.partly >= m.yes + m.partly + m.no;
}

/**
 * Judges a marker from its answer counts: no_data without answers, suppressed below the
 * threshold, otherwise met or not_met.
 *
 * @example
 * judgeMarker({ yes: 3, partly: 0, no: 1 }, 5) // "suppressed"
 */
export function judgeMarker(m: { yes: number; partly: number; no: number }, threshold: number): MarkerJudgement {
  const n = m.yes + m.partly + m.no;
  return n === 0 ? "no_data" : n < threshold ? "suppressed" : markerMet(m) ? "met" : "not_met";
}

/**
 * The status of stages 1..5 (index 0 is stage 1) and how many markers of each were met.
 *
 * @example
 * stageStatuses([{ stage: 1, judgement: "met" }, { stage: 2, judgement: "suppressed" }])
 * // [{ status: "met", markers: 1, met: 1 }, { status: "unknown", markers: 1, met: 0 }, { status: "no_markers", ... }, ...]
 */
export function stageStatuses(
  markers: readonly { stage: number; judgement: MarkerJudgement }[],
): { status: StageStatus; markers: number; met: number }[] {
  return [1, 2, 3, 4, 5].map((s) => {
    const own = markers.filter((m) => m.stage === s);
    const met = own.filter((m) => m.judgement === "met").length;
    const failed = own.filter((m) => m.judgement === "not_met").length;
    const status: StageStatus = own.length === 0 ? "no_markers" : failed > 0 ? "not_met" : met === own.length ? "met" : "unknown";
    return { status, markers: own.length, met };
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
 * // { status: "ok", current: { stage: 1, ... }, nonCumulative: [{ stage: 3, ... }], lowerBound: false }
 */
export function placeOnContinuum(
  markers: readonly { stage: number; judgement: MarkerJudgement }[],
  threshold: number,
): Figure<Placement> {
  if (markers.length === 0) return noData("The questionnaire has no continuum markers");
  if (!markers.some((m) => m.judgement === "met" || m.judgement === "not_met")) {
    return markers.some((m) => m.judgement === "suppressed") ? suppressedMarker(threshold) : noData("No marker answers");
  }
  const stages = stageStatuses(markers).map((s) => s.status);
  let current = 0;
  while (current < 5 && stages[current] === "met") current++;
  return {
    status: "ok",
    current: stageRef(current),
    nonCumulative: stages.flatMap((status, i) => (i + 1 > current && status === "met" ? [stageRef(i + 1)] : [])),
    lowerBound: current < 5 && stages[current] === "unknown",
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
    return { status: "ok", current: placement.current.stage, target: target.median, gap: target.median - placement.current.stage };
  }
  return placement.status === "suppressed" || target.status === "suppressed"
    ? suppressedMarker(threshold)
    : noData("Needs both a placement and a target");
}

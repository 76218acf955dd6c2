/**
 * The continuum section of a round, from the answers: each marker's mean and verdict, each
 * stage's status, the placement (by the one rule in ../continuum), the stage respondents want
 * and the stage they choose for themselves, and the gap between them.
 */
import { CONTINUUM_CAVEAT, STAGES } from "../framework";
import { gapToTarget, judgeMarker, markerInterval, placeOnContinuum, stageRef, stageStatuses } from "../continuum";
import { DONT_KNOW, QUESTION, type MarkerItem } from "../instrument";
import { histogramMedian, round2 } from "../statistics";
import { guardFigure, suppressCounts, type Figure } from "../suppression";
import { answerOf, stageValue } from "./answers";
import type { ContinuumResults, MarkerResult, ResponseInput, StageDistribution, StageResult } from "./types";

function distribution(hist: readonly number[], threshold: number): Figure<StageDistribution> {
  const n = hist.reduce((a, b) => a + b, 0);
  return guardFigure(n, threshold, () => {
    const keys = STAGES.map((s) => String(s.stage));
    const counts = Object.fromEntries(keys.map((k, i) => [k, hist[i]!])) as Record<string, number>;
    // Small counts of a distribution are suppressed like any group, with secondary suppression.
    const { groups } = suppressCounts(keys, counts, n, threshold);
    return {
      n,
      median: histogramMedian(hist, n),
      counts: STAGES.map((s) => ({ stage: s.stage, key: s.key, count: groups[String(s.stage)]! })),
    };
  });
}

/**
 * Scores the continuum questions of a round's staff responses. A respondent counts when they
 * answered any marker or stage question; below the threshold nothing is shown. The placement
 * rules are documented in ../continuum.ts.
 */
export function scoreContinuum(
  responses: readonly ResponseInput[],
  markers: readonly MarkerItem[],
  threshold: number,
): Figure<ContinuumResults> {
  const yes = markers.map(() => 0);
  const partly = markers.map(() => 0);
  const no = markers.map(() => 0);
  const dk = markers.map(() => 0);
  const target = [0, 0, 0, 0, 0, 0];
  const self = [0, 0, 0, 0, 0, 0];
  let respondents = 0;
  for (const r of responses) {
    const answers = r.answers;
    let answeredSomething = false;
    markers.forEach((m, i) => {
      const v = answerOf(answers, m.key);
      if (v === "yes") yes[i]!++;
      else if (v === "partly") partly[i]!++;
      else if (v === "no") no[i]!++;
      else {
        if (v === DONT_KNOW) dk[i]!++;
        return;
      }
      answeredSomething = true;
    });
    const t = stageValue(answerOf(answers, QUESTION.targetStage));
    if (t >= 0) {
      target[t]!++;
      answeredSomething = true;
    }
    const s = stageValue(answerOf(answers, QUESTION.selfChosenStage));
    if (s >= 0) {
      self[s]!++;
      answeredSomething = true;
    }
    if (answeredSomething) respondents++;
  }

  return guardFigure(
    respondents,
    threshold,
    () => {
      const markerResults: MarkerResult[] = markers.map((m, i) => {
        const n = yes[i]! + partly[i]! + no[i]!;
        return {
          key: m.key,
          title: m.title,
          stage: m.stage,
          figure: guardFigure(n, threshold, () => {
            const counts = { yes: yes[i]!, partly: partly[i]!, no: no[i]! };
            const verdict = judgeMarker(counts, threshold) as "met" | "not_met" | "uncertain";
            const interval = markerInterval(counts);
            return {
              mean: round2(interval.mean),
              n,
              met: verdict === "met",
              verdict,
              interval90: { low: round2(interval.low), high: round2(interval.high) },
            };
          }),
          dontKnow: dk[i]!,
        };
      });
      const judgements = markerResults.map((m) => ({
        stage: m.stage,
        judgement: m.figure.status === "ok" ? m.figure.verdict : m.figure.status,
      }));
      const stages: StageResult[] = stageStatuses(judgements).map((s, i) => ({
        ...stageRef(i + 1),
        status: s.status,
        markers: s.markers,
        markersMet: s.met,
        markersUncertain: s.uncertain,
      }));
      const placement = placeOnContinuum(judgements, threshold);
      const targetFigure = distribution(target, threshold);
      const gap = gapToTarget(placement, targetFigure, threshold);
      return {
        respondents,
        caveat: CONTINUUM_CAVEAT,
        markers: markerResults,
        stages,
        placement,
        target: targetFigure,
        selfChosen: distribution(self, threshold),
        gap,
      };
    },
    "No answers to the continuum questions",
  );
}

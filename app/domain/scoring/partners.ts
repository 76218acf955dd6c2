/**
 * Partner-by-partner ratings: how each member agency's staff rate working with each other
 * agency now and the stage they want, as a matrix and as pairs seen differently.
 */
import { countFigure, guardFigure, noData, suppressedMarker, type Figure } from "../suppression";
import { partnerNowKey, partnerWantedKey } from "../instrument";
import { histogramMedian } from "../statistics";
import { answerOf, stageValue } from "./answers";
import type { AgencyInput, PartnerCell, PartnerPair, PartnerResults, ResponseInput } from "./types";

/**
 * The partner matrix (after Frey et al.'s Levels of Collaboration Scale). A rater is a
 * respondent whose `agencyId` is a member agency; ratings of agencies not in the list, or of
 * one's own agency, are ignored. A cell with fewer raters than the threshold is suppressed,
 * and so is its "now" or "wanted" median on its own when fewer than the threshold gave it.
 */
export function scorePartners(
  responses: readonly ResponseInput[],
  agencies: readonly AgencyInput[],
  threshold: number,
): Figure<PartnerResults> {
  const index = new Map(agencies.map((a, i) => [a.id, i]));
  const A = agencies.length;
  const now = Array.from({ length: A * A }, () => [0, 0, 0, 0, 0, 0]);
  const wanted = Array.from({ length: A * A }, () => [0, 0, 0, 0, 0, 0]);
  const raters = new Array<number>(A * A).fill(0);
  let totalRaters = 0;
  for (const r of responses) {
    const from = r.agencyId === null ? undefined : index.get(r.agencyId);
    if (from === undefined) continue;
    const answers = r.answers;
    let rated = false;
    for (let to = 0; to < A; to++) {
      if (to === from) continue;
      const id = agencies[to]!.id;
      const n = stageValue(answerOf(answers, partnerNowKey(id)));
      const w = stageValue(answerOf(answers, partnerWantedKey(id)));
      const cell = from * A + to;
      if (n >= 0) now[cell]![n]!++;
      if (w >= 0) wanted[cell]![w]!++;
      if (n >= 0 || w >= 0) {
        raters[cell]!++;
        rated = true;
      }
    }
    if (rated) totalRaters++;
  }
  const medianFigure = (hist: number[]) => {
    const n = hist.reduce((a, b) => a + b, 0);
    return guardFigure(n, threshold, () => ({ median: histogramMedian(hist, n), n }));
  };
  return guardFigure(
    totalRaters,
    threshold,
    () => {
      const cells: PartnerCell[] = [];
      for (let from = 0; from < A; from++) {
        for (let to = 0; to < A; to++) {
          if (from === to) continue;
          const cell = from * A + to;
          const enough = raters[cell]! >= threshold;
          cells.push({
            from: agencies[from]!.id,
            to: agencies[to]!.id,
            raters: countFigure(raters[cell]!, threshold),
            now: enough ? medianFigure(now[cell]!) : raters[cell] === 0 ? noData() : suppressedMarker(threshold),
            wanted: enough ? medianFigure(wanted[cell]!) : raters[cell] === 0 ? noData() : suppressedMarker(threshold),
          });
        }
      }
      const cellAt = (from: number, to: number) => cells[from * (A - 1) + (to < from ? to : to - 1)]!;
      const pairs: PartnerPair[] = [];
      for (let a = 0; a < A; a++) {
        for (let b = a + 1; b < A; b++) {
          const ab = cellAt(a, b).now;
          const ba = cellAt(b, a).now;
          const x = ab.status === "ok" ? ab.median : null;
          const y = ba.status === "ok" ? ba.median : null;
          const difference = x !== null && y !== null ? Math.abs(x - y) : null;
          pairs.push({
            agencies: [agencies[a]!.id, agencies[b]!.id],
            firstRatesSecond: x,
            secondRatesFirst: y,
            difference,
            // "More than one stage apart": 1.5 or more (medians can be halves); exactly 1 is not.
            seeDifferently: difference === null ? null : difference > 1,
          });
        }
      }
      return { raters: totalRaters, agencies: agencies.map((a) => ({ ...a })), cells, pairs };
    },
    "No partner ratings",
  );
}

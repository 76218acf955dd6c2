/**
 * Where a questionnaire loses people: how many started, how many finished, and the section at
 * which unfinished responses stopped, for the round's lead. Counts follow the suppression
 * module's rule (`suppressCounts`: a count of 1..threshold-1 is hidden, and one more group when
 * a hidden one could be worked out from the total), so a lead cannot watch one person's progress.
 */
import { suppressCounts, type CountFigure } from "./suppression";

export interface CompletionInput {
  /** Section titles in the questionnaire's order. */
  sections: string[];
  finished: number;
  /** Unfinished responses by the index of the section they last saved on. */
  stoppedAt: Record<number, number>;
  threshold: number;
}

export interface Completion {
  started: CountFigure;
  finished: CountFigure;
  stopped: { section: string; count: CountFigure }[];
}

/**
 * @example
 * completionFunnel({ sections: ["About you", "Leadership"], finished: 12, stoppedAt: { 1: 6 }, threshold: 5 });
 * // started 18, finished 12, stopped at "Leadership": 6 ("About you": 0)
 */
export function completionFunnel(input: CompletionInput): Completion {
  const keys = input.sections.map((_, i) => String(i));
  const counts = Object.fromEntries(keys.map((k, i) => [k, input.stoppedAt[i] ?? 0])) as Record<string, number>;
  // A response saved on a page past the last section (a shorter form) counts at the last one.
  const last = keys[keys.length - 1];
  for (const [index, n] of Object.entries(input.stoppedAt)) {
    if (Number(index) >= keys.length && last !== undefined) counts[last] = (counts[last] ?? 0) + n;
  }
  const unfinished = Object.values(counts).reduce((t, n) => t + n, 0);
  const started = unfinished + input.finished;
  const split = suppressCounts(keys, counts, unfinished, input.threshold);
  const outcome = suppressCounts(
    ["finished", "unfinished"] as const,
    { finished: input.finished, unfinished },
    started,
    input.threshold,
  );
  return {
    started: outcome.total,
    finished: outcome.groups.finished,
    stopped: keys.map((k, i) => ({ section: input.sections[i]!, count: split.groups[k]! })),
  };
}

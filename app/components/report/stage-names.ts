/**
 * Short names of the continuum's stages for tight tables (the partner matrix), always shown
 * with a key giving the full name. A median between two stages (half the raters at each) names
 * both: "Coop/Coord".
 */
import { STAGES } from "../../domain/framework";

const SHORT = ["Coex", "Comm", "Coop", "Coord", "Coal", "Integ"] as const;

/** "Coord" for 3; "Coop/Coord" for 2.5. */
export function stageAbbreviation(median: number): string {
  const lo = Math.floor(median);
  const hi = Math.ceil(median);
  return lo === hi ? SHORT[lo]! : `${SHORT[lo]}/${SHORT[hi]}`;
}

/** "Coordination (3)" for 3; "between Cooperation (2) and Coordination (3)" for 2.5. */
export function stageNameOf(median: number): string {
  const lo = Math.floor(median);
  const hi = Math.ceil(median);
  const name = (s: number) => `${STAGES[s]!.name} (${s})`;
  return lo === hi ? name(lo) : `between ${name(lo)} and ${name(hi)}`;
}

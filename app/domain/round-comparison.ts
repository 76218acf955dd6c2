/**
 * Change between two rounds of the same partnership: per component, and on the continuum.
 * Plain TypeScript, no framework imports; reads the scoring module's published figures only,
 * so a suppressed figure stays hidden here too.
 */
import { COMPONENT_KEYS, component as componentInfo, type ComponentKey, type StageNumber } from "./framework";
import type { Figure, Placement, ScoreFigure } from "./scoring";
import { scoreDifference } from "./differences";

export type Direction = "up" | "down" | "same";

/** What the data say about a change: a clear rise, a clear fall, or no clear change. */
export type ChangeVerdict = "clear_rise" | "clear_fall" | "no_clear_change";

export interface ComponentChange {
  component: ComponentKey;
  name: string;
  previous: number | null;
  current: number | null;
  /** Current minus previous, one decimal place; null when either figure cannot be shown. */
  change: number | null;
  direction: Direction | null;
  /**
   * Welch's 95% interval of the change (current minus previous): the two rounds are independent
   * samples of (mostly) different people. Null when not comparable, or when an old snapshot
   * stored no SD (then the verdict falls back to the two intervals not overlapping).
   */
  interval: { low: number; high: number } | null;
  /** Null when the change cannot be computed. */
  verdict: ChangeVerdict | null;
  /** "Up 6.2 points, a clear rise", "No clear change (down 3.0 points)", "Not comparable: ..." */
  words: string;
}

/** Arrow for a direction: ▲ up, ▼ down, ▬ the same. */
export const DIRECTION_ARROW: Record<Direction, string> = { up: "▲", down: "▼", same: "▬" };

function why(figure: ScoreFigure, when: string): string {
  if (figure.status === "suppressed") return `${when} figure hidden (${figure.reason.toLowerCase()})`;
  return `no ${when} figure`;
}

const points = (x: number) => {
  const size = Math.abs(x).toFixed(1);
  return `${size} point${size === "1.0" ? "" : "s"}`;
};

/**
 * Compares one component's overall figure in two rounds with Welch's test for independent
 * samples: the change is clear when its 95% interval excludes 0. Otherwise it is "no clear
 * change", whatever its size: the figures do not support a claim either way.
 *
 * @example
 * compareFigures("vision", prev.overall, cur.overall)
 * // { change: 6.2, direction: "up", verdict: "clear_rise", words: "Up 6.2 points, a clear rise", ... }
 */
export function compareFigures(key: ComponentKey, previous: ScoreFigure, current: ScoreFigure): ComponentChange {
  const name = componentInfo(key).name;
  if (previous.status !== "ok" || current.status !== "ok") {
    const reasons = [
      previous.status !== "ok" ? why(previous, "previous") : null,
      current.status !== "ok" ? why(current, "current") : null,
    ];
    return {
      component: key,
      name,
      previous: previous.status === "ok" ? previous.score : null,
      current: current.status === "ok" ? current.score : null,
      change: null,
      direction: null,
      interval: null,
      verdict: null,
      words: `Not comparable: ${reasons.filter(Boolean).join("; ")}`,
    };
  }
  const d = scoreDifference(current, previous);
  const change = d.difference;
  const direction: Direction = change > 0 ? "up" : change < 0 ? "down" : "same";
  // Snapshots taken before SDs were stored: the old, conservative rule (intervals apart).
  const clear = d.interval ? d.clear : current.ci95.low > previous.ci95.high || current.ci95.high < previous.ci95.low;
  const verdict: ChangeVerdict =
    clear && direction === "up" ? "clear_rise" : clear && direction === "down" ? "clear_fall" : "no_clear_change";
  const words =
    verdict === "clear_rise"
      ? `Up ${points(change)}, a clear rise`
      : verdict === "clear_fall"
        ? `Down ${points(change)}, a clear fall`
        : direction === "same"
          ? "No change"
          : `No clear change (${direction} ${points(change)}, within what chance could give)`;
  return {
    component: key,
    name,
    previous: previous.score,
    current: current.score,
    change,
    direction,
    interval: d.interval ? { low: d.interval.low, high: d.interval.high } : null,
    verdict,
    words,
  };
}

/** Every component, in the framework's order; a component missing from a round counts as no data. */
export function compareComponents(
  previous: readonly { component: ComponentKey; overall: ScoreFigure }[],
  current: readonly { component: ComponentKey; overall: ScoreFigure }[],
): ComponentChange[] {
  const none: ScoreFigure = { status: "no_data", reason: "Not measured" };
  const find = (list: typeof previous, key: ComponentKey) => list.find((c) => c.component === key)?.overall ?? none;
  return COMPONENT_KEYS.map((key) => compareFigures(key, find(previous, key), find(current, key)));
}

export interface ContinuumMovement {
  from: StageNumber | null;
  to: StageNumber | null;
  /** Stages moved along (negative: back); null when either placement cannot be shown. */
  moved: number | null;
  words: string;
}

/**
 * Movement on the continuum between two placements.
 *
 * @example
 * continuumMovement(prev.placement, cur.placement) // { from: 2, to: 3, moved: 1, words: "Moved from Cooperation to Coordination (1 stage along)" }
 */
export function continuumMovement(
  previous: Figure<Placement> | null,
  current: Figure<Placement> | null,
): ContinuumMovement {
  if (!previous || !current || previous.status !== "ok" || current.status !== "ok") {
    return {
      from: previous?.status === "ok" ? previous.current.stage : null,
      to: current?.status === "ok" ? current.current.stage : null,
      moved: null,
      words: "Not comparable: one of the rounds has no placement on the continuum that can be shown",
    };
  }
  const from = previous.current;
  const to = current.current;
  const moved = to.stage - from.stage;
  const stages = (n: number) => `${Math.abs(n)} stage${Math.abs(n) === 1 ? "" : "s"}`;
  const words =
    moved === 0
      ? `Still at ${to.name}`
      : `Moved from ${from.name} to ${to.name} (${stages(moved)} ${moved > 0 ? "along" : "back"})`;
  return { from: from.stage, to: to.stage, moved, words };
}

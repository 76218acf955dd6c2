/**
 * Facilitated workshops: the rating scale, join codes, and the summary statistics of a room's
 * ratings (distribution, median, interquartile range, split views, differences by group), with
 * small-number suppression.
 *
 * Plain TypeScript, no framework or database imports: the routes, the model, the exports and
 * the tests all use these functions, and none computes a statistic itself. The session's CSV
 * is written by ./exports/workshop-export.ts.
 */
import { quantileType7, round2 } from "./statistics";
import { planJointSuppression, type PeopleGroup } from "./suppression";

/** A workshop rating: 0 (not in place at all) to 5 (fully in place). */
export type WorkshopRating = 0 | 1 | 2 | 3 | 4 | 5;
export const RATING_VALUES: readonly WorkshopRating[] = [0, 1, 2, 3, 4, 5];

/**
 * The anchors of the 0-5 rating a room gives a component. They describe how far the component
 * is in place across the partnership, loosely following the continuum of integration (0 is
 * like co-existence: agencies work separately on it; 3 is like coordination: agreed and
 * formalised, but not yet everywhere; 5: fully in place and sustained). Each point has a
 * short label for charts and a sentence for the phone.
 */
export const RATING_ANCHORS: readonly { value: WorkshopRating; label: string; description: string }[] = [
  { value: 0, label: "Not in place", description: "Not at all: agencies work separately on this." },
  { value: 1, label: "Early signs", description: "Talked about, or tried in places; nothing agreed." },
  { value: 2, label: "Partly in place", description: "Happens case by case, depending on individuals." },
  { value: 3, label: "Mostly in place", description: "Agreed and formalised, but with gaps." },
  { value: 4, label: "Well established", description: "Part of how agencies work together, with few gaps." },
  { value: 5, label: "Fully in place", description: "Fully in place, sustained and reviewed together." },
];

export const isWorkshopRating = (n: unknown): n is WorkshopRating =>
  Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 5;

/** A consensus score (0-5) on the 0-100 scale of the survey scores: score × 20. */
export const consensusTo100 = (score: number) => score * 20;

/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read
 * off a projector is typed right first time. 31^6 ≈ 887 million codes.
 */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * Tidies a typed join code: upper case, spaces and hyphens removed. Returns null when what is
 * left cannot be a code.
 *
 * @example
 * normaliseJoinCode(" abc-def ") // "ABCDEF"
 * normaliseJoinCode("ABC0EF")    // null (0 is not in the alphabet)
 */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/**
 * Builds a join code from a source of random integers in [0, max) (the server passes
 * `crypto.randomInt`, which has no modulo bias).
 *
 * @example
 * makeJoinCode((max) => crypto.randomInt(max)) // "K7QXN3"
 */
export function makeJoinCode(randomInt: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export interface RatingSpread {
  n: number;
  /** Count of ratings at 0, 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number, number];
  median: number;
  lowerQuartile: number;
  upperQuartile: number;
  iqr: number;
  /**
   * Views are split when a third or more of the room rated more than one point from the median
   * (SCIROCCO's consensus rule, as the survey scoring uses for components).
   */
  split: boolean;
}

/**
 * The spread of a room's ratings: distribution, median and quartiles (type 7). Null for no
 * ratings. Ratings outside 0-5 throw: they never reach here from a validated vote.
 *
 * @example
 * spreadOf([1, 2, 2, 3, 5]) // { n: 5, distribution: [0,1,2,1,0,1], median: 2, lowerQuartile: 2, upperQuartile: 3, iqr: 1, split: false }
 */
export function spreadOf(ratings: readonly number[]): RatingSpread | null {
  if (!ratings.length) return null;
  const distribution: RatingSpread["distribution"] = [0, 0, 0, 0, 0, 0];
  for (const r of ratings) {
    if (!isWorkshopRating(r)) throw new RangeError(`A workshop rating must be a whole number from 0 to 5 (got ${r})`);
    distribution[r] += 1;
  }
  const sorted = [...ratings].sort((a, b) => a - b);
  const median = quantileType7(sorted, 0.5);
  const lowerQuartile = quantileType7(sorted, 0.25);
  const upperQuartile = quantileType7(sorted, 0.75);
  const outside = sorted.filter((r) => Math.abs(r - median) > 1).length;
  return {
    n: sorted.length,
    distribution,
    median,
    lowerQuartile,
    upperQuartile,
    iqr: round2(upperQuartile - lowerQuartile),
    split: outside * 3 >= sorted.length,
  };
}

/** Medians of groups this far apart or more count as views that differ. */
export const GROUP_DIFFERENCE_POINTS = 1;

export interface GroupedRating {
  rating: number;
  group: string;
}

export interface GroupComparison {
  /**
   * Groups that may be published, largest first: key, n, median and quartiles only. A group is
   * published only when it, the rest of the room, and every remainder that adding and
   * subtracting the published groups could give, hold at least `threshold` people (the joint
   * rule of ./suppression.ts). How many groups were left out is never said: with the sizes
   * shown, that count would help work out a small group.
   */
  shown: { group: string; n: number; median: number; lowerQuartile: number; upperQuartile: number }[];
  /**
   * True when the medians of the groups shown are GROUP_DIFFERENCE_POINTS or more apart; null
   * when fewer than two groups can be shown (no comparison can be published).
   */
  differs: boolean | null;
}

/** A vote with the groups its participant belongs to, one per dimension (e.g. level, agency type). */
interface Membership {
  rating: number;
  groups: readonly string[];
}

/**
 * The comparisons of several breakdowns of one room's ratings, planned together with
 * {@link planJointSuppression}: the room's own spread is published, and a viewer sees every
 * breakdown at once, so a group is shown only where neither it nor any remainder (the room
 * minus the groups shown, within a breakdown or across two) is 1..threshold-1 people.
 */
function compareJointly(votes: readonly Membership[], dimensions: number, threshold: number): GroupComparison[] {
  const members = new Map<string, number[]>();
  votes.forEach((v, i) => {
    v.groups.forEach((g, d) => {
      const key = `${d}:${g}`;
      members.set(key, [...(members.get(key) ?? []), i]);
    });
  });
  const groups: PeopleGroup[] = [...members].map(([key, m]) => ({ key, members: m }));
  const plan = planJointSuppression(votes.length, groups, threshold);
  return Array.from({ length: dimensions }, (_, d) => {
    const shown: GroupComparison["shown"] = [];
    for (const g of groups) {
      if (!g.key.startsWith(`${d}:`) || plan.get(g.key) !== "publish") continue;
      const s = spreadOf(g.members.map((i) => votes[i]!.rating))!;
      const group = g.key.slice(String(d).length + 1);
      shown.push({ group, n: s.n, median: s.median, lowerQuartile: s.lowerQuartile, upperQuartile: s.upperQuartile });
    }
    shown.sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
    const medians = shown.map((g) => g.median);
    const differs = shown.length < 2 ? null : Math.max(...medians) - Math.min(...medians) >= GROUP_DIFFERENCE_POINTS;
    return { shown, differs };
  });
}

/**
 * Compares groups (levels or agency types) of a room's ratings. A group is shown only when it
 * and the rest of the room are each at least `threshold` people (and no other remainder is
 * smaller: the joint rule), and only with its size, median and quartiles: never its
 * distribution, which subtracted from the room's would give away a small group's ratings.
 *
 * @example
 * compareGroups([...fiveTeamRatingsOf4, ...fiveNationalRatingsOf2, { rating: 0, group: "police" }], 5)
 * // { shown: [national], differs: null }: team and national each leave 6, but the room minus both
 * // would be the one police rater, so one of them (team, the first of two equal groups) is hidden too
 */
export function compareGroups(ratings: readonly GroupedRating[], threshold: number): GroupComparison {
  return compareJointly(
    ratings.map((r) => ({ rating: r.rating, groups: [r.group] })),
    1,
    threshold,
  )[0]!;
}

export interface ComponentRatings {
  /**
   * Null when nobody rated; `suppressed` when fewer than the threshold did; `voting_open` while
   * the room is still voting on it (ratings are published only once voting is closed, so that
   * two looks a vote apart cannot be subtracted).
   */
  spread: RatingSpread | null | "suppressed" | "voting_open";
  n: number;
  byLevel: GroupComparison | null;
  byAgencyType: GroupComparison | null;
}

/**
 * Everything that may be published about one component's ratings: the spread only when at
 * least `threshold` people rated (DESIGN: no figure for a group smaller than the threshold,
 * anywhere), and the comparisons by level and agency type planned together under the joint
 * rule (./suppression.ts), so no group and no remainder of 1..threshold-1 people is shown.
 *
 * @example
 * summariseRatings(votes, 5).spread // "suppressed" when only 4 people voted
 */
export function summariseRatings(
  votes: readonly { rating: number; level: string; agencyType: string }[],
  threshold: number,
): ComponentRatings {
  const n = votes.length;
  if (n === 0) return { spread: null, n, byLevel: null, byAgencyType: null };
  if (n < threshold) return { spread: "suppressed", n, byLevel: null, byAgencyType: null };
  const [byLevel, byAgencyType] = compareJointly(
    votes.map((v) => ({ rating: v.rating, groups: [v.level, v.agencyType] })),
    2,
    threshold,
  );
  return { spread: spreadOf(votes.map((v) => v.rating)), n, byLevel: byLevel!, byAgencyType: byAgencyType! };
}

/** The marker for a component whose voting is open: nothing about its ratings but the count. */
export function votingOpenRatings(n: number): ComponentRatings {
  return { spread: "voting_open", n, byLevel: null, byAgencyType: null };
}

/** A session after (or during) the workshop: what the summary page and the exports show. */
export interface WorkshopSummary {
  workshop: {
    id: string;
    name: string;
    status: "active" | "ended";
    createdAt: string;
    endedAt: string | null;
    participants: number;
  };
  round: { id: string; name: string; threshold: number };
  partnership: { id: string; name: string };
  components: {
    position: number;
    key: string;
    name: string;
    ratings: ComponentRatings;
    consensus: { score: number; score100: number; notes: string; recordedAt: string } | null;
    actions: { description: string; owner: string; dueOn: string | null; status: string }[];
  }[];
}

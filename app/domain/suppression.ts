/**
 * Small-number suppression: no figure is shown, exported or served for a group smaller than
 * the round's threshold (DESIGN "Scoring"; README "never show a figure for a group below the
 * round's threshold").
 *
 * The scoring module calls these functions itself while it builds a result, so a caller
 * (results page, commissioner view, CSV export) only ever receives figures that are already
 * safe to publish: there is nothing for a caller to forget.
 *
 * Plain TypeScript, no framework or database imports.
 */
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "./framework";

/** A figure withheld because its group is too small (primary) or because it would let a hidden one be worked out (secondary). */
export interface Suppressed {
  status: "suppressed";
  reason: string;
}

/** Nothing to report: nobody in the group answered, or the questionnaire has no such items. */
export interface NoData {
  status: "no_data";
  reason: string;
}

/**
 * Every published figure is one of three things: a value (`status: "ok"` with its fields),
 * a suppression marker, or "no data". Never NaN, never a silent 0.
 *
 * @example
 * const fig: Figure<{ score: number }> = { status: "ok", score: 62.5 };
 * if (fig.status === "ok") console.log(fig.score);
 */
export type Figure<T extends object> = ({ status: "ok" } & T) | Suppressed | NoData;

/** A count of respondents. A count of 0 is a real, publishable figure. */
export type CountFigure = { status: "ok"; n: number } | Suppressed;

/**
 * The threshold a round uses. Undefined or null gives the default (5).
 *
 * Rule: a threshold below 3, or one that is not a whole number, **throws** a RangeError. It is
 * never clamped: a misconfigured threshold is a privacy fault, and failing loudly is safer than
 * quietly scoring with a value nobody chose.
 *
 * @example
 * resolveThreshold(undefined) // 5
 * resolveThreshold(10)        // 10
 * resolveThreshold(2)         // throws RangeError
 */
export function resolveThreshold(threshold?: number | null): number {
  if (threshold === undefined || threshold === null) return DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isInteger(threshold)) {
    throw new RangeError(`The suppression threshold must be a whole number (got ${String(threshold)})`);
  }
  if (threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(`The suppression threshold must be at least ${MIN_SUPPRESSION_THRESHOLD} (got ${threshold})`);
  }
  return threshold;
}

/** `{ status: "suppressed", reason: "Fewer than 5 respondents" }` */
export function suppressedMarker(threshold: number): Suppressed {
  return { status: "suppressed", reason: `Fewer than ${threshold} respondents` };
}

/** The marker for a figure hidden only to protect another one (secondary suppression). */
export function secondarySuppressedMarker(threshold: number): Suppressed {
  return {
    status: "suppressed",
    reason: `Hidden so that a figure for fewer than ${threshold} respondents cannot be worked out from the total`,
  };
}

export function noData(reason = "No answers"): NoData {
  return { status: "no_data", reason };
}

/**
 * The one gate every figure passes: no_data for an empty group, the suppression marker for a
 * group below the threshold, otherwise the figure. `compute` runs only for a group that may be
 * published, so a hidden figure is never even calculated.
 *
 * @example
 * guardFigure(4, 5, () => ({ score: 80 }))  // { status: "suppressed", reason: "Fewer than 5 respondents" }
 * guardFigure(0, 5, () => ({ score: 80 }))  // { status: "no_data", reason: "No answers" }
 * guardFigure(6, 5, () => ({ score: 80 }))  // { status: "ok", score: 80 }
 */
export function guardFigure<T extends object>(
  n: number,
  threshold: number,
  compute: () => T,
  noDataReason = "No answers",
): Figure<T> {
  if (n <= 0) return noData(noDataReason);
  if (n < threshold) return suppressedMarker(threshold);
  return { status: "ok", ...compute() };
}

/** A count: published as is when 0 or at least the threshold, suppressed when 1..threshold-1. */
export function countFigure(n: number, threshold: number): CountFigure {
  if (n > 0 && n < threshold) return suppressedMarker(threshold);
  return { status: "ok", n };
}

export type BreakdownDecision = "publish" | "primary" | "secondary" | "empty";

/**
 * Which groups of a breakdown may be published, given the total they add up to.
 *
 * Primary suppression hides every group with 1..threshold-1 respondents. Secondary
 * (complementary) suppression then stops a hidden group being worked out by subtraction from
 * the published total (e.g. the component score for all respondents minus the published
 * scores by level): the respondents in hidden groups, together with those in no group at all
 * (`totalN` minus the groups' sum, e.g. level not stated), must number 0 or at least the
 * threshold. If they number 1..threshold-1, the smallest published group (ties: first in
 * `groups` order, which callers keep fixed) is hidden too. That group has at least `threshold`
 * respondents, so one extra group is always enough.
 *
 * When `totalN` itself is below the threshold the total is suppressed and every group is too
 * (each is smaller than the total), so subtraction has nothing to work from.
 *
 * @example
 * // Total 20: team 12, organisation 6, local authority 2 (hidden), national 0.
 * planBreakdown([{key:"team",n:12},{key:"organisation",n:6},{key:"local_authority",n:2},{key:"national",n:0}], 20, 5)
 * // team publish, organisation secondary (smallest published), local_authority primary, national empty
 */
export function planBreakdown(
  groups: readonly { key: string; n: number }[],
  totalN: number,
  threshold: number,
): Map<string, BreakdownDecision> {
  const plan = new Map<string, BreakdownDecision>();
  let hidden = totalN;
  for (const { key, n } of groups) {
    if (n <= 0) plan.set(key, "empty");
    else if (n < threshold) plan.set(key, "primary");
    else {
      plan.set(key, "publish");
      hidden -= n;
    }
  }
  // `hidden` now counts respondents in primary-suppressed groups plus those in no group.
  if (hidden > 0 && hidden < threshold && totalN >= threshold) {
    let smallest: { key: string; n: number } | undefined;
    for (const g of groups) {
      if (plan.get(g.key) === "publish" && (smallest === undefined || g.n < smallest.n)) smallest = g;
    }
    if (smallest) plan.set(smallest.key, "secondary");
  }
  return plan;
}

/**
 * Applies {@link planBreakdown} to figures already guarded one by one: a group marked
 * "secondary" is replaced by the secondary marker. Keys keep the order of `keys`.
 */
export function suppressBreakdown<K extends string, T extends object>(
  keys: readonly K[],
  figures: Readonly<Record<K, Figure<T>>>,
  ns: Readonly<Record<K, number>>,
  totalN: number,
  threshold: number,
): Record<K, Figure<T>> {
  const plan = planBreakdown(
    keys.map((key) => ({ key, n: ns[key] })),
    totalN,
    threshold,
  );
  const out = {} as Record<K, Figure<T>>;
  for (const key of keys) {
    const decision = plan.get(key);
    if (decision === "secondary") out[key] = secondarySuppressedMarker(threshold);
    else if (decision === "primary") out[key] = suppressedMarker(threshold);
    else out[key] = figures[key];
  }
  return out;
}

/**
 * Counts by group (respondents by level, by agency type, by stage chosen), with primary and
 * secondary suppression. With `complement: "group"` (the default) the smallest published group
 * is hidden when needed; with `complement: "total"` the total is hidden instead, for
 * breakdowns whose groups print their own sizes elsewhere (the questionnaire sections).
 */
export function suppressCounts<K extends string>(
  keys: readonly K[],
  counts: Readonly<Record<K, number>>,
  totalN: number,
  threshold: number,
  complement: "group" | "total" = "group",
): { total: CountFigure; groups: Record<K, CountFigure> } {
  const plan = planBreakdown(
    keys.map((key) => ({ key, n: counts[key] })),
    totalN,
    threshold,
  );
  let total = countFigure(totalN, threshold);
  const groups = {} as Record<K, CountFigure>;
  for (const key of keys) {
    const decision = plan.get(key);
    if (decision === "secondary" && complement === "total") {
      groups[key] = { status: "ok", n: counts[key] };
      total = secondarySuppressedMarker(threshold);
    } else if (decision === "secondary") groups[key] = secondarySuppressedMarker(threshold);
    else groups[key] = countFigure(counts[key], threshold);
  }
  return { total, groups };
}

/**
 * One cell of a published table, after the statistics convention used by DfE children's
 * social care statistics: `c` for a confidential (suppressed) figure, `x` where there is no
 * data.
 *
 * @example
 * statisticsCell(component.overall, (f) => f.score) // 62.5, "c" or "x"
 */
export function statisticsCell<T extends object, V>(
  figure: Figure<T>,
  read: (ok: { status: "ok" } & T) => V,
): V | "c" | "x" {
  if (figure.status === "ok") return read(figure);
  return figure.status === "suppressed" ? "c" : "x";
}

// ---------------------------------------------------------------------------------------------
// Joint suppression across breakdowns (docs/scoring.md, "Joint suppression")
// ---------------------------------------------------------------------------------------------

/** A group of people a viewer sees a figure for: its members are indexes into the population. */
export interface PeopleGroup {
  key: string;
  members: readonly number[];
}

/** A way of adding and subtracting published groups that isolates fewer than `threshold` people. */
export interface Disclosure {
  /** The published groups used, each with +1 or -1 (the population as a whole is "*"). */
  terms: { key: string; sign: 1 | -1 }[];
  /** How many people the combination isolates (1..threshold-1). */
  people: number;
}

/**
 * Looks for a way to isolate fewer than `threshold` people by adding and subtracting published
 * groups (each used at most once, with sign +1 or -1) together with the whole population.
 * Every figure that is a sum over people (a count, n x mean, a sum of squares, "don't know"
 * answers) follows the same arithmetic, so a combination of groups whose result is a multiple
 * of one small set of people gives that set's figures.
 *
 * The search runs over the atoms of the partition the groups make (people who belong to
 * exactly the same groups), finalising each atom once the last group containing it is
 * decided and abandoning a branch as soon as an atom's value is not 0 or the common value, or
 * the people isolated reach the threshold. Returns null when nothing small can be derived.
 */
export function findDisclosure(
  population: number,
  groups: readonly PeopleGroup[],
  threshold: number,
  populationPublished = true,
  /** Groups published whatever happens: a combination of these alone (and the population) is not reported. */
  fixed: ReadonlySet<string> = new Set(),
): Disclosure | null {
  // Distinct non-empty groups only: an identical copy of a group reveals nothing more. Groups
  // are told apart by their size and a hash of their members (any order), then compared in full.
  const sets: PeopleGroup[] = populationPublished
    ? [{ key: "*", members: Array.from({ length: population }, (_, i) => i) }]
    : [];
  const byHash = new Map<string, PeopleGroup[]>();
  const sameMembers = (x: readonly number[], y: readonly number[]) => {
    const inX = new Set(x);
    return y.every((p) => inX.has(p));
  };
  for (const g of groups) {
    if (g.members.length === 0 || (populationPublished && g.members.length === population)) continue;
    let hash = 0;
    for (const p of g.members) hash = (hash + Math.imul(p + 1, 0x9e3779b1)) | 0;
    // A group identical to a fixed one is kept apart: the plan may still hide it.
    const sig = `${fixed.has(g.key) ? "F" : "N"}${g.members.length}:${hash}`;
    const alike = byHash.get(sig) ?? [];
    if (alike.some((other) => sameMembers(other.members, g.members))) continue;
    byHash.set(sig, [...alike, g]);
    sets.push(g);
  }
  // Atoms: people in exactly the same sets, found by splitting the population set by set (each
  // atom met in a set becomes a new atom of those of its people who are in it).
  const atomOf = new Int32Array(population); // 0: in no set yet
  const setsOf: number[][] = [[]];
  const splitTo: number[] = []; // by atom, while one set is read: the atom its people in the set move to
  sets.forEach((s, si) => {
    const split: number[] = [];
    for (const p of s.members) {
      const old = atomOf[p]!;
      let next = splitTo[old] ?? -1;
      if (next < 0) {
        next = setsOf.length;
        setsOf.push([...setsOf[old]!, si]);
        splitTo[old] = next;
        split.push(old);
      }
      atomOf[p] = next;
    }
    for (const old of split) splitTo[old] = -1;
  });
  const count = new Array<number>(setsOf.length).fill(0);
  for (let p = 0; p < population; p++) count[atomOf[p]!]!++;
  const atomSize: number[] = [];
  const atomSets: number[][] = [];
  count.forEach((n, id) => {
    if (n === 0) return; // an atom every one of whose people moved on to a later one
    atomSize.push(n);
    atomSets.push(setsOf[id]!);
  });
  // The search in a given order of the sets (position -> set): the first disclosure that order
  // meets, or null when there is none (then in any order).
  const searchIn = (order: readonly number[]): Disclosure | null => {
    const m = order.length;
    const position = new Array<number>(m);
    order.forEach((set, d) => (position[set] = d));
    const atomsAt: number[][] = order.map(() => []);
    const finalAt: number[][] = order.map(() => []);
    // For each atom at each depth, how many of its sets come after it: an atom of `threshold`
    // people or more must end at 0, so its value cannot be further from 0 than that.
    const laterAt: number[][] = order.map(() => []);
    atomSets.forEach((ss, a) => {
      if (ss.length === 0) return; // people in no published group: always 0
      const at = ss.map((set) => position[set]!).sort((x, y) => x - y);
      at.forEach((d, i) => {
        atomsAt[d]!.push(a);
        laterAt[d]!.push(at.length - 1 - i);
      });
      finalAt[at.at(-1)!]!.push(a);
    });
    const value = new Array<number>(atomSize.length).fill(0);
    const coef = new Array<number>(m).fill(0); // by set
    let usedOpen = 0; // sets used that are neither the population nor fixed

    const search = (d: number, common: number, support: number): Disclosure | null => {
      if (d === m) {
        if (support > 0 && support < threshold && usedOpen > 0) {
          const terms = sets.flatMap((s, i) => (coef[i] ? [{ key: s.key, sign: coef[i] as 1 | -1 }] : []));
          return { terms, people: support };
        }
        return null;
      }
      const set = order[d]!;
      const counts = sets[set]!.key !== "*" && !fixed.has(sets[set]!.key);
      for (const c of [0, 1, -1]) {
        if (d === 0 && c === -1) continue; // a combination and its negation isolate the same people
        coef[set] = c;
        if (c && counts) usedOpen++;
        const touched = atomsAt[d]!;
        const later = laterAt[d]!;
        let ok = true;
        if (c)
          for (let i = 0; i < touched.length; i++) {
            const a = touched[i]!;
            const v = (value[a]! += c);
            if (atomSize[a]! >= threshold && (v > later[i]! || -v > later[i]!)) ok = false;
          }
        let nextCommon = common;
        let nextSupport = support;
        if (ok)
          for (const a of finalAt[d]!) {
            const v = value[a]!;
            if (v === 0) continue;
            if (nextCommon === 0) nextCommon = v;
            else if (v !== nextCommon) {
              ok = false;
              break;
            }
            nextSupport += atomSize[a]!;
            if (nextSupport >= threshold) {
              ok = false;
              break;
            }
          }
        const found = ok ? search(d + 1, nextCommon, nextSupport) : null;
        if (c) for (const a of touched) value[a]! -= c;
        if (c && counts) usedOpen--;
        coef[set] = 0;
        if (found) return found;
      }
      return null;
    };
    return search(0, 0, 0);
  };

  // Only an atom of fewer than `threshold` people can be isolated (a bigger one must end at 0):
  // when there is none (a big round, where every combination of level, kind of agency,
  // organisation and team holds at least that many people), nothing can be (issue 19).
  if (atomSets.every((ss, a) => ss.length === 0 || atomSize[a]! >= threshold)) return null;
  // Whether there is a disclosure does not depend on the order, but the time to rule one out
  // does, enormously: an atom is settled only at the last of its sets, and nested breakdowns
  // (kinds of agency > organisations > teams) crossed with levels, in the given order, settle
  // nothing until the teams, so every combination of the sets before them is tried. First the
  // question "is there any?" is asked in an order that settles atoms early (nestingOrder);
  // only when there is one is the given order searched, so the disclosure reported (and the
  // group the plan hides for it) is the same as the given order's.
  const natural = sets.map((_, i) => i);
  const quick = nestingOrder(sets.length, atomSets, populationPublished ? 1 : 0);
  if (quick.some((set, d) => set !== d) && searchIn(quick) === null) return null;
  return searchIn(natural);
}

/**
 * An order of the sets in which atoms are settled early: the first `keep` sets stay first (the
 * population), then sets that contain no other set and are inside none (e.g. levels), then
 * each tree of nested sets depth first (a kind of agency, its first organisation, that
 * organisation's teams, its next organisation...). `atomSets` lists each atom's sets.
 */
export function nestingOrder(m: number, atomSets: readonly (readonly number[])[], keep: number): number[] {
  const atomsOf: number[][] = Array.from({ length: m }, () => []);
  atomSets.forEach((ss, a) => ss.forEach((s) => atomsOf[s]!.push(a)));
  const setsOf = atomSets.map((ss) => new Set(ss));
  const inside = (s: number, t: number) => atomsOf[s]!.every((a) => setsOf[a]!.has(t));
  const parent = new Array<number>(m).fill(-1);
  for (let s = keep; s < m; s++) {
    let best = -1;
    for (let t = keep; t < m; t++) {
      if (t === s || atomsOf[t]!.length < atomsOf[s]!.length || !inside(s, t)) continue;
      // Identical sets: the later one is inside the earlier, never both ways.
      if (atomsOf[t]!.length === atomsOf[s]!.length && t > s) continue;
      if (best === -1 || atomsOf[t]!.length < atomsOf[best]!.length) best = t;
    }
    parent[s] = best;
  }
  const children: number[][] = Array.from({ length: m }, () => []);
  for (let s = keep; s < m; s++) if (parent[s]! >= 0) children[parent[s]!]!.push(s);
  const order: number[] = Array.from({ length: keep }, (_, i) => i);
  const visit = (s: number) => {
    order.push(s);
    for (const c of children[s]!) visit(c);
  };
  const roots: number[] = [];
  for (let s = keep; s < m; s++) if (parent[s] === -1) roots.push(s);
  for (const r of roots) if (children[r]!.length === 0) order.push(r);
  for (const r of roots) if (children[r]!.length > 0) visit(r);
  return order;
}

/**
 * Joint suppression: which of the groups a viewer can see together may be published, so that
 * no group, and no remainder derived by adding and subtracting the published ones and the
 * whole population, holds 1..threshold-1 people.
 *
 * Primary suppression hides every group of 1..threshold-1 people (and `alsoHidden`, groups
 * hidden for another reason). Then, while {@link findDisclosure} finds a combination that
 * isolates a small set of people, the smallest published group it uses (ties: the later one
 * in `groups` order, never one of `fixed`) is hidden too ("secondary"). Combinations of
 * `fixed` groups alone are the business of whoever publishes them. Each round hides one more group, so it ends.
 * With a population below the threshold every group is hidden.
 *
 * @example
 * // 11 people: team = 0..4, health = 5..9; person 10 is in neither.
 * planJointSuppression(11, [{ key: "team", members: [0,1,2,3,4] }, { key: "health", members: [5,6,7,8,9] }], 5)
 * // team "secondary" (the first of two equal groups), health "publish": all - team - health would be one person.
 */
export function planJointSuppression(
  population: number,
  groups: readonly PeopleGroup[],
  threshold: number,
  options: {
    /** Groups hidden for another reason (e.g. by the plan of the whole round). */
    alsoHidden?: ReadonlySet<string>;
    /** Groups published elsewhere whatever this plan says (never chosen for secondary suppression). */
    fixed?: ReadonlySet<string>;
    /** Whether the population's own total is published (default true). */
    populationPublished?: boolean;
  } = {},
): Map<string, BreakdownDecision> {
  const { alsoHidden = new Set<string>(), fixed = new Set<string>(), populationPublished = true } = options;
  const plan = new Map<string, BreakdownDecision>();
  for (const g of groups) {
    const n = g.members.length;
    if (n === 0) plan.set(g.key, "empty");
    else if (n < threshold || population < threshold) plan.set(g.key, "primary");
    else plan.set(g.key, alsoHidden.has(g.key) && !fixed.has(g.key) ? "secondary" : "publish");
  }
  if (population < threshold) return plan;
  const order = new Map(groups.map((g, i) => [g.key, i]));
  for (;;) {
    const published = groups.filter((g) => plan.get(g.key) === "publish");
    const leak = findDisclosure(population, published, threshold, populationPublished, fixed);
    if (!leak) return plan;
    const used = published.filter((g) => !fixed.has(g.key) && leak.terms.some((t) => t.key === g.key));
    used.sort((a, b) => a.members.length - b.members.length || order.get(a.key)! - order.get(b.key)!);
    plan.set(used[0]!.key, "secondary");
  }
}

/** The marker for a group's figure under a joint plan, or null when it may be published. */
export function jointMarker(decision: BreakdownDecision | undefined, threshold: number): Suppressed | null {
  if (decision === "primary") return suppressedMarker(threshold);
  if (decision === "secondary") return secondarySuppressedMarker(threshold);
  return null;
}

/**
 * Differencing between snapshots of the same round: a figure shown in `current` whose number
 * of people differs from the same figure in an earlier published snapshot by 1..threshold-1
 * is replaced by the secondary marker (the earlier one stays published, so the difference
 * would describe those few people). Submitted responses never change, so a figure's people
 * only grow between snapshots and the difference of the `n`s is the number of new people.
 * Figures are matched by their path; list entries by `key`, `component`, `stage` or `from`/`to`.
 * Returns a new tree; `current` is not changed.
 */
export function suppressAgainstEarlier<T>(current: T, earlier: readonly unknown[], threshold: number): T {
  const idOf = (x: unknown, i: number): string => {
    if (x && typeof x === "object") {
      const o = x as Record<string, unknown>;
      for (const k of ["key", "component", "stage"])
        if (typeof o[k] === "string" || typeof o[k] === "number") return `${k}=${String(o[k])}`;
      if (typeof o.from === "string" && typeof o.to === "string") return `pair=${o.from}>${o.to}`;
    }
    return `#${i}`;
  };
  const visit = (node: unknown, olds: unknown[]): unknown => {
    if (Array.isArray(node)) {
      const oldMaps = olds
        .filter(Array.isArray)
        .map((arr) => new Map((arr as unknown[]).map((x, i) => [idOf(x, i), x])));
      return node.map((x, i) =>
        visit(
          x,
          oldMaps.map((m) => m.get(idOf(x, i))),
        ),
      );
    }
    if (!node || typeof node !== "object") return node;
    const o = node as Record<string, unknown>;
    if (o.status === "ok" && typeof o.n === "number") {
      for (const old of olds) {
        const p = old as Record<string, unknown> | undefined;
        if (p?.status !== "ok" || typeof p.n !== "number") continue;
        const d = Math.abs(o.n - p.n);
        if (d > 0 && d < threshold) return secondarySuppressedMarker(threshold);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      out[k] = visit(
        v,
        olds.map((old) => (old && typeof old === "object" ? (old as Record<string, unknown>)[k] : undefined)),
      );
    }
    return out;
  };
  return visit(current, [...earlier]) as T;
}

/**
 * The commissioner view's filter rule (docs/scoring.md, "Filters of the commissioner view"): a
 * filter value (one level, one agency type) is offered for a group only when the group and its
 * complement (everyone else in the total it is taken from) both number at least the threshold,
 * so that neither the group nor "the total minus the group" describes fewer people.
 *
 * @example
 * filterAllowed(5, 11, 5)  // true: 5 in the group, 6 in the rest
 * filterAllowed(5, 9, 5)   // false: the rest number 4
 * filterAllowed(4, 20, 5)  // false: the group numbers 4
 */
export function filterAllowed(groupN: number, totalN: number, threshold: number): boolean {
  return groupN >= threshold && totalN - groupN >= threshold;
}

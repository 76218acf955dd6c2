/**
 * Organisation and team views (issue 18): the report filtered to one member agency or one team,
 * from the same snapshot, suppressed jointly with everything else the round publishes
 * (docs/scoring.md, "Organisation and team views").
 *
 * They are planned after the round's own figures, with those figures fixed: a group published
 * in the whole report stays published, one hidden there stays hidden, and only organisation and
 * team groups are ever chosen for secondary suppression. So adding views never changes the
 * whole report, and no combination of the whole, its breakdowns (levels, kinds of agency, ...),
 * the organisations and the teams, added and subtracted, describes 1..threshold-1 people:
 * "the whole minus the other organisations" or "an organisation minus its other teams" cannot
 * give a hidden group away.
 */
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "../framework";
import type { ScoredItem } from "../instrument";
import {
  jointMarker,
  planJointSuppression,
  type BreakdownDecision,
  type CountFigure,
  type PeopleGroup,
} from "../suppression";
import { scoreSection, summariseSlot } from "./components";
import { agencyTypeOf, levelOf } from "./sections";
import type { ComponentResult, GroupView, GroupViews, ResponseInput, ScoreFigure, TeamInput } from "./types";

export interface GroupViewsInput {
  /** Every response of the round (the round plan's people are indexes into it). */
  responses: readonly ResponseInput[];
  /** The staff section scored for the views (professional, or short form). */
  section: readonly ResponseInput[];
  /** The items of that section. */
  items: readonly ScoredItem[];
  /** The section's published components, whose breakdowns by level and kind of agency are fixed. */
  published: readonly Pick<ComponentResult, "component" | "overall" | "byRespondentLevel" | "byAgencyType">[];
  /** The member agencies' ids, in the partnership's order. */
  organisations: readonly string[];
  teams: readonly TeamInput[];
  threshold: number;
  /** The round's plan of people (planRoundGroups): its groups, decisions and fixed groups. */
  round: {
    groups: readonly PeopleGroup[];
    plan: ReadonlyMap<string, BreakdownDecision>;
    fixed: ReadonlySet<string>;
    populationPublished: boolean;
  };
  /** Groups earlier snapshots of the round published ("c:<component>:org:<id>", ...), by section index. */
  earlier?: readonly { key: string; inSection: Uint8Array }[];
}

/** The fixed and hidden groups of a plan already made: the later plan may not change them. */
function settled(plan: ReadonlyMap<string, BreakdownDecision>, fixed: ReadonlySet<string>) {
  const keep = new Set(fixed);
  const hidden = new Set<string>();
  for (const [key, decision] of plan) {
    if (decision === "publish") keep.add(key);
    else if (decision === "secondary") hidden.add(key);
  }
  return { keep, hidden };
}

/**
 * Plans `added` groups after `settled` ones whose fate is decided (`fixed`: shown; `alsoHidden`:
 * hidden). An added group with exactly the people of a settled one (an organisation that is the
 * round's only agency of its kind, a team that is its whole organisation) reveals nothing new:
 * it follows that group, shown or hidden, and is left out of the search, whose cost grows
 * threefold with every copy kept in it.
 */
function planAfter(
  population: number,
  settledGroups: readonly PeopleGroup[],
  added: readonly PeopleGroup[],
  threshold: number,
  options: { fixed: ReadonlySet<string>; alsoHidden: ReadonlySet<string>; populationPublished: boolean },
): Map<string, BreakdownDecision> {
  const signature = (g: PeopleGroup) => [...g.members].sort((a, b) => a - b).join(",");
  const settledBySignature = new Map<string, string>();
  for (const g of settledGroups) if (g.members.length > 0) settledBySignature.set(signature(g), g.key);
  const copies = new Map<string, BreakdownDecision>();
  const searched: PeopleGroup[] = [];
  for (const g of added) {
    const twin = g.members.length > 0 ? settledBySignature.get(signature(g)) : undefined;
    if (twin === undefined) searched.push(g);
    else if (g.members.length < threshold || population < threshold) copies.set(g.key, "primary");
    else copies.set(g.key, options.fixed.has(twin) && !options.alsoHidden.has(twin) ? "publish" : "secondary");
  }
  const plan = planJointSuppression(population, [...settledGroups, ...searched], threshold, options);
  for (const [key, decision] of copies) plan.set(key, decision);
  return plan;
}

/**
 * Each organisation's and each team's respondents and component scores, with primary and
 * joint suppression.
 *
 * @example
 * // Health (orgA) 8 staff, social work (orgB) 3: the agency:health count is published by the
 * // round, so orgA would give "agency:health - orgA"... nothing, but "all - orgA" = orgB + others.
 * const views = scoreGroupViews({ responses, section, items, published, organisations: ["orgA", "orgB"],
 *   teams: [], threshold: 5, round: planRoundGroups(...) });
 * views.organisations[1].respondents // { status: "suppressed", ... } (3 people)
 */
export function scoreGroupViews(input: GroupViewsInput): GroupViews {
  const { responses, section, threshold, organisations } = input;
  const agencyIds = new Set(organisations);
  const teams = input.teams.filter((t) => agencyIds.has(t.agencyId));
  const teamOf = new Map(teams.map((t) => [t.id, t]));
  const isStaff = (r: ResponseInput) => r.questionnaire !== "family";
  const orgOf = (r: ResponseInput) =>
    isStaff(r) && r.agencyId !== null && agencyIds.has(r.agencyId) ? r.agencyId : null;
  // A team counts only within its own organisation.
  const teamKeyOf = (r: ResponseInput) => {
    const team = r.teamId ? teamOf.get(r.teamId) : undefined;
    return team && orgOf(r) === team.agencyId ? team.id : null;
  };
  const viewKeys = [
    ...organisations.map((id) => ({ key: `org:${id}`, id, organisation: id, kind: "org" as const })),
    ...teams.map((t) => ({ key: `team:${t.id}`, id: t.id, organisation: t.agencyId, kind: "team" as const })),
  ];

  // 1. The people: organisations and teams planned after the round's groups.
  const members = new Map<string, number[]>(viewKeys.map((v) => [v.key, []]));
  responses.forEach((r, i) => {
    const org = orgOf(r);
    if (org !== null) members.get(`org:${org}`)!.push(i);
    const team = teamKeyOf(r);
    if (team !== null) members.get(`team:${team}`)!.push(i);
  });
  const base = settled(input.round.plan, input.round.fixed);
  const peoplePlan = planAfter(
    responses.length,
    input.round.groups,
    viewKeys.map((v) => ({ key: v.key, members: members.get(v.key)! })),
    threshold,
    { fixed: base.keep, alsoHidden: base.hidden, populationPublished: input.round.populationPublished },
  );
  const respondentsOf = (key: string): CountFigure =>
    jointMarker(peoplePlan.get(key), threshold) ?? { status: "ok", n: members.get(key)!.length };

  // 2. Each component, on the respondents kept in it: the published breakdowns fixed, then the views.
  const GROUPINGS = [
    { name: "level", keys: LEVEL_KEYS as readonly string[], keyOf: levelOf },
    { name: "agency", keys: AGENCY_TYPE_KEYS as readonly string[], keyOf: agencyTypeOf },
    { name: "org", keys: organisations, keyOf: orgOf },
    { name: "team", keys: teams.map((t) => t.id), keyOf: teamKeyOf },
  ];
  const scored = scoreSection(section, input.items, GROUPINGS);
  const publishedOf = new Map(input.published.map((c) => [c.component, c]));
  const figures = new Map<string, Map<string, ScoreFigure>>(); // view key -> component -> figure
  for (const v of viewKeys) figures.set(v.key, new Map());
  for (const c of scored.comps) {
    const shown = publishedOf.get(c.key);
    const groups: PeopleGroup[] = [];
    const fixed = new Set<string>();
    const alsoHidden = new Set<string>();
    (input.earlier ?? []).forEach((e, j) => {
      if (!e.key.startsWith(`c:${c.key}:`)) return;
      const key = `earlier${j}:${e.key}`;
      groups.push({ key, members: c.kept.flatMap((r, i) => (e.inSection[r] ? [i] : [])) });
      fixed.add(key);
    });
    GROUPINGS.forEach((grouping, g) => {
      const byKey: number[][] = grouping.keys.map(() => []);
      c.kept.forEach((r, i) => {
        const k = scored.groupOf[g]![r]!;
        if (k >= 0) byKey[k]!.push(i);
      });
      grouping.keys.forEach((k, ki) => {
        const key = `${grouping.name}:${k}`;
        groups.push({ key, members: byKey[ki]! });
        if (g === 0 || g === 1) {
          const figure = g === 0 ? shown?.byRespondentLevel[k as never] : shown?.byAgencyType[k as never];
          // What the whole report shows of this component is settled: shown (fixed) or hidden.
          if ((figure as ScoreFigure | undefined)?.status === "ok") fixed.add(key);
          else alsoHidden.add(key);
        } else if (peoplePlan.get(key) !== "publish") alsoHidden.add(key);
      });
    });
    const views = groups.filter((g) => g.key.startsWith("org:") || g.key.startsWith("team:"));
    const settledGroups = groups.filter((g) => !views.includes(g));
    const plan = planAfter(c.kept.length, settledGroups, views, threshold, {
      fixed,
      alsoHidden,
      // The component's overall figure is published only when the whole report shows it.
      populationPublished: shown === undefined || shown.overall.status === "ok",
    });
    GROUPINGS.forEach((grouping, g) => {
      if (g < 2) return;
      grouping.keys.forEach((k, ki) => {
        const key = `${grouping.name}:${k}`;
        const marker = jointMarker(peoplePlan.get(key), threshold) ?? jointMarker(plan.get(key), threshold);
        figures.get(key)!.set(c.key, marker ?? summariseSlot(c.groups[g]![ki]!, threshold));
      });
    });
  }

  const view = (v: (typeof viewKeys)[number]): GroupView => ({
    key: v.id,
    organisation: v.organisation,
    respondents: respondentsOf(v.key),
    components: scored.comps.map((c) => ({ component: c.key, overall: figures.get(v.key)!.get(c.key)! })),
  });
  return {
    organisations: viewKeys.filter((v) => v.kind === "org").map(view),
    teams: viewKeys.filter((v) => v.kind === "team").map(view),
  };
}

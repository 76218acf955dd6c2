import { requireUser, type SessionUser } from "../auth.server";
import { getDb } from "../db.server";
import { COMPONENT_KEYS, isAgencyTypeKey, isComponentKey, isLevelKey, type ComponentKey } from "../domain/framework";
import { isIsoDate } from "../validation";
import type { RespondentFilter } from "../domain/compare-areas";
import { compareAreas, listPublishedRounds, listSharedAreas, type SharedArea } from "../models/compare.server";

/**
 * The one authorisation call of the commissioner view: every partnership in
 * `partnershipIds` must be shared with the signed-in user (a commissioner grant, given by an
 * administrator or by the partnership's lead). Administrators pass. Throws 404, not 403, for
 * any partnership that is not shared (or does not exist), so its existence is not revealed,
 * as requirePartnershipRole does.
 *
 * A commissioner sees aggregates only: this grants nothing on the partnership's own pages
 * (results, exports, comments), which stay with requirePartnershipRole.
 *
 * @example
 * const { user, db, areas } = await requireCommissionerAccess(request, ["p1", "p2"]);
 */
export async function requireCommissionerAccess(
  request: Request,
  partnershipIds: readonly string[],
): Promise<{ user: SessionUser; db: Awaited<ReturnType<typeof getDb>>; areas: SharedArea[] }> {
  const user = await requireUser(request);
  const db = await getDb();
  const ids = [...new Set(partnershipIds)];
  const areas = ids.length ? await listSharedAreas(db, user, { ids }) : [];
  if (areas.length !== ids.length) throw new Response("Partnership not found.", { status: 404 });
  return { user, db, areas };
}

// ---------------------------------------------------------------------------------------------
// The comparison's query string (shared by the page and its exports, so links are linkable)
// ---------------------------------------------------------------------------------------------

export interface CompareQuery {
  /** "all" for every shared area, or chosen partnership ids. */
  areas: "all" | string[];
  asOf: string | null;
  filter: RespondentFilter;
  component: ComponentKey;
  /** partnership id -> chosen round id. */
  rounds: Record<string, string>;
}

/**
 * Reads ?area=..&area=..|all, asOf=YYYY-MM-DD, filter=level:team|agency:health, component=vision,
 * round=pid:rid. Unknown values fall back to defaults. With no `area` at all (a first visit),
 * every shared area is compared; the page's form sends `chosen=1`, so that unticking every
 * area is an empty choice, not "all".
 */
export function parseCompareQuery(url: URL): CompareQuery {
  const p = url.searchParams;
  const areaValues = p.getAll("area").filter(Boolean);
  const asOf = p.get("asOf");
  const [kind, key] = (p.get("filter") ?? "all").split(":");
  const filter: RespondentFilter =
    kind === "level" && isLevelKey(key)
      ? { kind: "level", key }
      : kind === "agency" && isAgencyTypeKey(key)
        ? { kind: "agency", key }
        : { kind: "all" };
  const component = p.get("component");
  const rounds: Record<string, string> = {};
  for (const value of p.getAll("round")) {
    const [pid, rid] = value.split(":");
    if (pid && rid) rounds[pid] = rid;
  }
  const firstVisit = areaValues.length === 0 && !p.has("chosen");
  return {
    areas: firstVisit || areaValues.includes("all") ? "all" : [...new Set(areaValues)].slice(0, 1000),
    asOf: asOf && isIsoDate(asOf) ? asOf : null,
    filter,
    component: isComponentKey(component) ? component : COMPONENT_KEYS[0],
    rounds,
  };
}

/**
 * Authorises and loads a comparison from the request's query string: the user's shared areas
 * (404 when none), the chosen ones (404 for any not shared), a chosen round (404 unless it is
 * a round of its area with published results in the window), and their figures, from
 * published snapshots only.
 */
export async function loadComparison(request: Request) {
  const query = parseCompareQuery(new URL(request.url));
  const user = await requireUser(request);
  const db = await getDb();
  const shared = await listSharedAreas(db, user);
  if (shared.length === 0) throw new Response("No areas have been shared with you.", { status: 404 });
  const ids = new Set(query.areas === "all" ? shared.map((a) => a.id) : query.areas);
  // The same rule as requireCommissionerAccess, on the list already read.
  const areas = shared.filter((a) => ids.has(a.id));
  if (areas.length !== ids.size) throw new Response("Partnership not found.", { status: 404 });
  for (const pid of Object.keys(query.rounds)) if (!ids.has(pid)) delete query.rounds[pid];
  const rounds = areas.length
    ? await listPublishedRounds(db, { partnershipIds: areas.map((a) => a.id), asOf: query.asOf })
    : [];
  for (const [pid, rid] of Object.entries(query.rounds)) {
    if (!rounds.some((r) => r.id === rid && r.partnership_id === pid && r.snapshot))
      throw new Response("Round not found.", { status: 404 });
  }
  const comparison = areas.length
    ? await compareAreas(db, {
        areas,
        filter: query.filter,
        asOf: query.asOf,
        chosenRounds: query.rounds,
        rounds,
        visibleAreaIds: new Set(shared.map((a) => a.id)),
      })
    : null;
  return { user, db, query, shared, comparison, rounds };
}

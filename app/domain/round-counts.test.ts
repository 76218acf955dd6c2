import { describe, expect, it } from "vitest";
import { AGENCY_TYPE_KEYS, LEVEL_KEYS } from "./framework";
import { liveCounts, type ShownCount } from "./round-counts";

const row = (level: string, agency: string, n: number, status = "submitted", kind = "professional") => ({
  kind,
  status,
  respondent_level: level,
  agency_type: agency,
  n,
});
const value = (c: ShownCount) => (c.shown ? c.n : null);

describe("liveCounts", () => {
  it("hides a small level and enough others that the total minus the shown levels is not small (issue 13, point 3)", () => {
    const counts = liveCounts(
      [row("team", "health", 12), row("organisation", "education", 7), row("national", "police", 1)],
      5,
    );
    expect(counts.byLevel.national.submitted.shown).toBe(false);
    const total = value(counts.submitted);
    const shownLevels = LEVEL_KEYS.map((l) => value(counts.byLevel[l].submitted)).filter(
      (n): n is number => n !== null,
    );
    const shownTypes = AGENCY_TYPE_KEYS.map((a) => value(counts.byAgency[a].submitted)).filter(
      (n): n is number => n !== null,
    );
    if (total !== null) {
      for (const shown of [shownLevels, shownTypes]) {
        const remainder = total - shown.reduce((a, b) => a + b, 0);
        expect(remainder === 0 || remainder >= 5, `remainder ${remainder}`).toBe(true);
      }
    }
  });

  it("shows every count when every group is large", () => {
    const counts = liveCounts(
      [row("team", "health", 12), row("organisation", "education", 7), row("team", "health", 6, "in_progress")],
      5,
    );
    expect(value(counts.submitted)).toBe(19);
    expect(value(counts.inProgress)).toBe(6);
    expect(value(counts.byLevel.team.submitted)).toBe(12);
    expect(value(counts.byAgency.education.submitted)).toBe(7);
  });
});

describe("liveCounts with the completion funnel (issue 13, point 3)", () => {
  const page = (level: string, n: number, currentPage: number) => ({
    ...row(level, "health", n, "in_progress"),
    current_page: currentPage,
  });

  it("plans the funnel with the counts: one organisation respondent who stopped at the first section is not left as a remainder", () => {
    // In progress: 5 team and 1 organisation at section 0, 5 organisation at section 1.
    const counts = liveCounts(
      [row("team", "health", 12), page("team", 5, 0), page("organisation", 1, 0), page("organisation", 5, 1)],
      5,
      {
        sections: ["About you", "Leadership", "Culture"],
      },
    );
    const funnel = counts.completion!;
    const shown = (c: { status: string }) => c.status === "ok";
    // Section 0 (6 people) minus team in progress (5, all at section 0) would be the one organisation person.
    const all = [
      shown(funnel.stopped[0]!.count),
      counts.byLevel.team.inProgress.shown,
      counts.byLevel.organisation.inProgress.shown,
      shown(funnel.stopped[1]!.count),
    ];
    expect(all.every(Boolean)).toBe(false);
    expect(funnel.finished).toEqual({ status: "ok", n: 12 });
    expect(funnel.stopped[2]!.count).toEqual({ status: "ok", n: 0 });
  });

  it("shows the whole funnel when every group is large", () => {
    const counts = liveCounts([row("team", "health", 12), page("team", 6, 1), page("team", 7, 2)], 5, {
      sections: ["About you", "Leadership", "Culture"],
    });
    const funnel = counts.completion!;
    expect(funnel.started).toEqual({ status: "ok", n: 25 });
    expect(funnel.stopped.map((s) => (s.count.status === "ok" ? s.count.n : null))).toEqual([0, 6, 7]);
  });
});

describe("liveCounts by how responses came in (issue 24)", () => {
  const moded = (mode: string | null, n: number, kind = "professional") => ({
    kind,
    status: "submitted",
    respondent_level: "team",
    agency_type: "health",
    entry_mode: mode,
    n,
  });

  it("counts online, paper and assisted apart", () => {
    const counts = liveCounts([moded(null, 14), moded("paper", 6, "family"), moded("assisted", 5)], 5);
    expect(value(counts.byMode.online)).toBe(14);
    expect(value(counts.byMode.paper)).toBe(6);
    expect(value(counts.byMode.assisted)).toBe(5);
  });

  it("hides a small paper count and the online count that would give it away", () => {
    const counts = liveCounts([moded(null, 14), moded("paper", 2)], 5);
    expect(counts.byMode.paper.shown).toBe(false);
    const total = value(counts.submitted);
    const online = value(counts.byMode.online);
    // Never both the total and the online count: their difference is the hidden paper count.
    expect(total !== null && online !== null).toBe(false);
  });
});

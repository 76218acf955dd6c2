import { describe, expect, it } from "vitest";
import { summariseRatings, type WorkshopSummary } from "../workshop";
import { summaryCsv } from "./workshop-export";

const votes = (ratings: number[], level = "team", agencyType = "health") =>
  ratings.map((rating) => ({ rating, level, agencyType }));

describe("the workshop CSV", () => {
  it("writes a row per component and per action, with c for suppressed figures", () => {
    const summary: WorkshopSummary = {
      workshop: {
        id: "w",
        name: "Board",
        status: "ended",
        createdAt: "2027-03-01T10:00:00Z",
        endedAt: null,
        participants: 6,
      },
      round: { id: "r", name: "Spring", threshold: 5 },
      partnership: { id: "p", name: "Northshire" },
      components: [
        {
          position: 1,
          key: "vision",
          name: "Shared vision",
          ratings: summariseRatings(votes([3, 3, 4, 4, 5, 2]), 5),
          consensus: { score: 3, score100: 60, notes: "Close", recordedAt: "x" },
          actions: [{ description: "=Draft charter", owner: "Sam", dueOn: "2027-06-30", status: "open" }],
        },
        {
          position: 2,
          key: "roles",
          name: "Roles",
          ratings: summariseRatings(votes([1, 2]), 5),
          consensus: null,
          actions: [],
        },
      ],
    };
    const lines = summaryCsv(summary).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^record,position,component,component_name,ratings,rated_0/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe("component,1,vision,Shared vision,6,0,0,1,2,2,1,3.5,3,4,yes,z,z,3,60,Close,,,,,");
    expect(lines[2]).toBe("component,2,roles,Roles,c,c,c,c,c,c,c,c,c,c,c,c,z,z,,,,,,");
    expect(lines[3]).toBe("action,1,vision,Shared vision,,,,,,,,,,,,,,,,,'=Draft charter,Sam,2027-06-30,open,Open");
    // In Welsh: the component's name from the glossary and the status's label; keys and columns unchanged.
    const welsh = summaryCsv(summary, "cy").trimEnd().split("\r\n");
    expect(welsh[0]).toBe(lines[0]);
    expect(welsh[3]).toBe(
      'action,1,vision,"Gweledigaeth, gwerthoedd a nodau cyffredin",,,,,,,,,,,,,,,,,\'=Draft charter,Sam,2027-06-30,open,Agored',
    );
  });
});

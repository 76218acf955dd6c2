import { describe, expect, it } from "vitest";
import { completionFunnel } from "./completion";

const sections = ["About you", "Vision", "Leadership"];

describe("completion funnel", () => {
  it("counts started, finished and where unfinished responses stopped", () => {
    const result = completionFunnel({ sections, finished: 20, stoppedAt: { 1: 6, 2: 7 }, threshold: 5 });
    expect(result.started).toEqual({ status: "ok", n: 33 });
    expect(result.finished).toEqual({ status: "ok", n: 20 });
    expect(result.stopped.map((s) => [s.section, s.count.status === "ok" ? s.count.n : "suppressed"])).toEqual([
      ["About you", 0],
      ["Vision", 6],
      ["Leadership", 7],
    ]);
  });

  it("never shows a section's count below the threshold, nor one that could be worked out from the rest", () => {
    const result = completionFunnel({ sections, finished: 20, stoppedAt: { 0: 2, 1: 6, 2: 7 }, threshold: 5 });
    const shown = result.stopped.filter((s) => s.count.status === "ok" && s.count.n > 0);
    for (const s of result.stopped) if (s.count.status === "ok") expect(s.count.n === 0 || s.count.n >= 5).toBe(true);
    expect(result.stopped[0]!.count.status).not.toBe("ok");
    // With the total of unfinished known (15), a second group must be hidden too.
    expect(shown.length).toBeLessThan(2);
  });

  it("hides how many finished when only a few did", () => {
    const result = completionFunnel({ sections, finished: 2, stoppedAt: { 1: 9 }, threshold: 5 });
    expect(result.finished.status).not.toBe("ok");
  });
});

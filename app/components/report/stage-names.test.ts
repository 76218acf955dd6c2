import { describe, expect, it } from "vitest";
import { stageAbbreviation, stageNameOf } from "./stage-names";

describe("stage names in the partner matrix", () => {
  it("abbreviates a stage, and names both stages of a median between two", () => {
    expect(stageAbbreviation(3)).toBe("Coord");
    expect(stageAbbreviation(2.5)).toBe("Coop/Coord");
    expect(stageNameOf(4)).toBe("Coalition (4)");
    expect(stageNameOf(0.5)).toBe("between Co-existence (0) and Communication (1)");
  });
});

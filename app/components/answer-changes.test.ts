import { describe, expect, it } from "vitest";
import { answerChanges } from "./answer-changes";

describe("answerChanges (what a lean autosave sends)", () => {
  it("sends answers new or changed, and a cleared answer as null", () => {
    expect(answerChanges({ a: 1, b: "x", c: 3 }, { a: 2, c: 3, d: "new" })).toEqual({ a: 2, d: "new", b: null });
  });

  it("sends nothing when nothing changed", () => {
    expect(answerChanges({ a: 1, b: "x" }, { b: "x", a: 1 })).toEqual({});
  });

  it("treats an emptied value as cleared", () => {
    expect(answerChanges({ a: 1 }, { a: undefined })).toEqual({ a: null });
    expect(answerChanges({}, { a: null })).toEqual({});
  });
});

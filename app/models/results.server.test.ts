import { describe, expect, it } from "vitest";
import { decodeStoredValue, unpackAnswers } from "./results.server";

describe("unpacking a response's answers", () => {
  it("restores numbers, plain strings and escaped text exactly as JSON would", () => {
    for (const value of [
      4,
      0,
      "dont_know",
      "yes",
      'She said "hello"\nthen left \\ fine',
      "£ and émoji 🙂",
      "\u001e inside",
    ]) {
      expect(decodeStoredValue(JSON.stringify(value))).toEqual(value);
    }
  });
  it("splits the packed string into keys and values", () => {
    const packed = [
      ["vision__goals", 4],
      ["marker_s1_talk", "yes"],
      ["comments", "a, b\u001e c"],
    ]
      .map(([k, v]) => `${k}\x1f${JSON.stringify(v)}`)
      .join("\x1e");
    expect(unpackAnswers(packed)).toEqual({ vision__goals: 4, marker_s1_talk: "yes", comments: "a, b\u001e c" });
    expect(unpackAnswers(null)).toEqual({});
  });
});

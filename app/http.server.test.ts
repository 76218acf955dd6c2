import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server";

describe("safeRedirect", () => {
  it.each([
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "//evil.example/phish",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/%0a/x\\y",
  ])("refuses %j, which could leave the site", (to) => {
    expect(safeRedirect(to)).toBe("/partnerships");
  });

  it.each([
    ["/compare?area=x", "/compare?area=x"],
    ["/partnerships/abc/rounds/def/results#components", "/partnerships/abc/rounds/def/results#components"],
    ["/a/../b", "/b"],
  ])("keeps the same-origin path %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });
});

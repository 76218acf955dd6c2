import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.server";

describe("passwordProblem", () => {
  it.each(["aaaaaaaaaaaa", "123456789012", "            ", "password1234", "qwertyuiop123", "letmein12345"])(
    "refuses the guessable %j with a message",
    (password) => {
      expect(passwordProblem(password)).toMatch(/too easy to guess/);
    },
  );

  it("refuses a password built from the person's own name or email address", () => {
    expect(passwordProblem("priyashah2026", ["Priya Shah", "priya.shah@northshire.example"])).toMatch(
      /too easy to guess/,
    );
  });

  it("refuses short and over-long passwords by length", () => {
    expect(passwordProblem("Xq7#vR2!")).toMatch(/at least 12 characters/);
    expect(passwordProblem("copper lantern ".repeat(20))).toMatch(/200 characters or fewer/);
  });

  it.each(["correct horse battery staple", "copper lantern orbit meadow", "demo-lead-password"])(
    "accepts the passphrase %j, with no composition rules",
    (password) => {
      expect(passwordProblem(password)).toBeNull();
    },
  );
});

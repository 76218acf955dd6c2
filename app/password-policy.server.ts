import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * Which new passwords are accepted, as NCSC and NIST SP 800-63B advise: at least 12
 * characters, no composition rules (no "one digit, one symbol"), and nothing a guesser tries
 * early. The strength estimate is zxcvbn-ts with its common-password lists and English
 * dictionary: it refuses repeats (`aaaaaaaaaaaa`), sequences (`123456789012`), keyboard walks
 * and dictionary words with digits (`password1234`), and anything built from the person's own
 * name or email address.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score 3 of 4: "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;

zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** Null when the password is acceptable, else a message saying how to choose a better one. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  // Each personal text whole, without its separators, and word by word (an email address's
  // local part and domain too), so "priyashah2026" counts as a guess for Priya Shah.
  const inputs = personal
    .flatMap((text) => {
      const lower = text.toLowerCase();
      const words = lower.split(/[^\p{L}\p{N}]+/u);
      return [
        lower,
        lower.split("@")[0]!.replace(/[^\p{L}\p{N}]+/gu, ""),
        lower.replace(/[^\p{L}\p{N}]+/gu, ""),
        ...words,
      ];
    })
    .filter((word) => word.length >= 3);
  const result = zxcvbn(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, "")}. ` : "";
  return `${why}This password is too easy to guess: try three or four unrelated words, like "copper lantern orbit meadow"`;
}

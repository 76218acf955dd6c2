/**
 * Checking the register's locators against the seed documents' text.
 *
 * Every source of a register entry names a document, a section heading and a `locator`: a short
 * verbatim quotation (at most `MAX_LOCATOR_WORDS` words) that a reader can find in that section.
 * Each document in the register carries an `outline`: its section headings in the order they
 * appear in the text. A section runs from its heading to the next heading of the outline, so a
 * locator quoted from a neighbouring section fails just as a misquote does.
 *
 * The product never ships the seed texts: `scripts/check-evidence.ts` reads them from a folder
 * given on the command line and calls `checkLocators` (pure, so it is tested on small texts).
 *
 * Matching is by words: both texts are lower-cased and reduced to runs of letters and digits, so
 * line breaks, curly quotes and superscript footnote marks do not matter, but any changed,
 * added or dropped word does.
 */

export const MAX_LOCATOR_WORDS = 12;

export interface LocatorSource {
  document: string;
  section: string;
  locator?: string;
}
export interface LocatorRegister {
  documents: { key: string; outline?: string[] }[];
  entries: { key: string; sources: LocatorSource[] }[];
}

/** "Don’t  know" -> ["don", "t", "know"]: the word sequence both sides are compared on. */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFD") // accents apart; superscript footnote marks stay non-letters
      .toLowerCase()
      // letters joined by an apostrophe or a line-break hyphen stay one word
      .replace(/['’‘`]/g, "")
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** Where each heading of `outline` starts in `text` (a heading is a whole line, or lines). */
export function findHeadings(
  text: string,
  outline: string[],
): { heading: string; start: number; bodyStart: number }[] | string {
  const out: { heading: string; start: number; bodyStart: number }[] = [];
  let from = 0;
  for (const heading of outline) {
    const parts = heading
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['’]/g, "['’]"));
    // the heading fills its line(s): start of a line, optional indentation, nothing after it;
    // a run-in label ending with ":" ("RESULTS:" in an abstract) may stand anywhere
    const re = heading.trim().endsWith(":")
      ? new RegExp(`()(${parts.join("\\s+")})`, "g")
      : new RegExp(`(^|\\n)[ \\t]*(${parts.join("\\s+")})[ \\t]*(?=\\r?\\n|$)`, "g");
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) return `heading "${heading}" not found (after the previous heading of the outline)`;
    const start = m.index + m[0].indexOf(m[2]!, m[1]!.length);
    out.push({ heading, start, bodyStart: start + m[2]!.length });
    from = start + m[2]!.length;
  }
  return out;
}

/**
 * The text of a section. `section` is a heading of the outline, or "Parent: Heading" for the
 * first `Heading` after `Parent` (the CELCIS review repeats "Information sharing", "Summary"...).
 */
export function sectionText(text: string, outline: string[], section: string): string | null {
  const found = findHeadings(text, outline);
  if (typeof found === "string") return null;
  // "Results" names the run-in label "RESULTS:"
  const same = (a: string, b: string) =>
    a.trim().replace(/:$/, "").toLowerCase() === b.trim().replace(/:$/, "").toLowerCase();
  const index = (heading: string, after: number) => found.findIndex((h, i) => i > after && same(h.heading, heading));
  let at = index(section, -1);
  if (at < 0) {
    // split at the last ": " whose left part is itself an outline heading
    for (let cut = section.lastIndexOf(": "); cut > 0 && at < 0; cut = section.lastIndexOf(": ", cut - 1)) {
      const parent = index(section.slice(0, cut), -1);
      if (parent >= 0) at = index(section.slice(cut + 2), parent);
    }
  }
  if (at < 0) return null;
  const next = found[at + 1];
  return text.slice(found[at]!.bodyStart, next ? next.start : text.length);
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Problems with the register's locators, one sentence each (empty when every locator is found,
 * verbatim, in its own section). `texts` maps document keys to the seed text; a document without
 * a text is reported, not skipped.
 *
 * @example
 * checkLocators(
 *   { documents: [{ key: "d", outline: ["Barriers", "Facilitators"] }],
 *     entries: [{ key: "b_x", sources: [{ document: "d", section: "Barriers", locator: "short-term funding" }] }] },
 *   { d: "Barriers\nShort-term funding hurts.\nFacilitators\nTrust.\n" },
 * ); // => []
 */
export function checkLocators(register: LocatorRegister, texts: Record<string, string>): string[] {
  const problems: string[] = [];
  const outlines = new Map(register.documents.map((d) => [d.key, d.outline ?? []]));
  const sectionWords = new Map<string, string[] | null>();
  for (const doc of register.documents) {
    const text = texts[doc.key];
    if (text === undefined) {
      problems.push(`document ${doc.key}: no seed text given`);
      continue;
    }
    if (!doc.outline || doc.outline.length === 0) {
      problems.push(`document ${doc.key}: no outline of section headings`);
      continue;
    }
    const found = findHeadings(text, doc.outline);
    if (typeof found === "string") problems.push(`document ${doc.key}: ${found}`);
  }
  for (const entry of register.entries) {
    for (const source of entry.sources) {
      const where = `${entry.key} (${source.document}, '${source.section}')`;
      const text = texts[source.document];
      if (text === undefined) continue; // reported above
      const locator = source.locator?.trim() ?? "";
      const quoted = words(locator);
      if (quoted.length === 0) {
        problems.push(`${where}: no locator`);
        continue;
      }
      if (quoted.length > MAX_LOCATOR_WORDS)
        problems.push(`${where}: locator has ${quoted.length} words (at most ${MAX_LOCATOR_WORDS})`);
      const cacheKey = `${source.document}\u0000${source.section}`;
      if (!sectionWords.has(cacheKey)) {
        const body = sectionText(text, outlines.get(source.document) ?? [], source.section);
        sectionWords.set(cacheKey, body === null ? null : words(body));
      }
      const body = sectionWords.get(cacheKey)!;
      if (body === null) {
        problems.push(`${where}: section not in the document's outline`);
        continue;
      }
      if (!containsSequence(body, quoted)) {
        const elsewhere = containsSequence(words(text), quoted);
        problems.push(
          elsewhere
            ? `${where}: locator "${locator}" is in the document but not in this section`
            : `${where}: locator "${locator}" is not in the document (misquoted?)`,
        );
      }
    }
  }
  return problems;
}

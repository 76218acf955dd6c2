/**
 * Reading raw answers: an item's answer as a score, a stage answer as 0..5, with "don't know"
 * and unanswered kept apart from every value.
 */
import { DONT_KNOW } from "../instrument";
import type { Polarity } from "../framework";

/*
 * Item scores are held as whole numbers of twelfths of a point (0..1200 = 0..100), so that
 * sums are exact whatever the order of respondents: facilitator 1..5 -> (v-1)*300, i.e.
 * 0, 25, 50, 75, 100; barrier 1..4 reversed -> (4-v)*400, i.e. 100, 66.7, 33.3, 0.
 */
export const TWELFTHS = 12;
export const DK = -1;
export const MISSING = -2;

function wholeNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return null;
}

/**
 * An answer in twelfths of a point, or DK / MISSING. "Don't know" is never a zero: it is its
 * own value, counted and excluded from every mean. Out-of-range or wrongly typed values are
 * treated as unanswered.
 */
export function itemValue(raw: unknown, barrier: boolean): number {
  if (raw === DONT_KNOW) return DK;
  const v = wholeNumber(raw);
  if (v === null) return MISSING;
  if (barrier) return v >= 1 && v <= 4 ? (4 - v) * 400 : MISSING; // 1 "not a barrier" = 100, 4 = 0
  return v >= 1 && v <= 5 ? (v - 1) * 300 : MISSING; // 1 strongly disagree = 0, 5 = 100
}

/** A stage answer 0..5, DK, or MISSING. */
export function stageValue(raw: unknown): number {
  if (raw === DONT_KNOW) return DK;
  const v = wholeNumber(raw);
  return v !== null && v >= 0 && v <= 5 ? v : MISSING;
}

/** Item score on the 0-100 scale for one raw answer, or null for "don't know" / invalid. Exported for the results page's explanations and tests. */
export function itemScore(raw: unknown, polarity: Polarity): number | null {
  const v = itemValue(raw, polarity === "barrier");
  return v >= 0 ? v / TWELFTHS : null;
}

/*
 * A round's answers held compactly (issue 19): a published snapshot of a national round reads
 * 100,000 responses of ~150 answers each; held as one object of strings per response that is
 * over a gigabyte. Scoring reads only whole numbers (items, stages), "don't know" and the
 * marker answers, and treats every other value (free text, a number out of range) exactly as
 * an unanswered question; so each response keeps one byte per question, in a Uint8Array,
 * under a key index shared by the round's responses. `answerOf` reads either form.
 */
const CODE_NUMBER_MAX = 100; // codes 1..101: whole numbers 0..100
const WORDS = [DONT_KNOW, "yes", "partly", "no"] as const;
const CODE_WORD = 120; // codes 120..123: the words above
const DECODE: (string | number | undefined)[] = Array.from({ length: 256 }, (_, c) =>
  c >= 1 && c <= CODE_NUMBER_MAX + 1
    ? c - 1
    : c >= CODE_WORD && c < CODE_WORD + WORDS.length
      ? WORDS[c - CODE_WORD]
      : undefined,
);

/** One response's answers as scoring reads them: one byte per question of the round's key index. */
export class PackedAnswers {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly codes: Uint8Array,
    /** Whether any stored answer was a number (the answers export's "scored answer" rule). */
    readonly anyNumber: boolean,
  ) {}
  get(key: string): string | number | undefined {
    const i = this.index.get(key);
    return i === undefined || i >= this.codes.length ? undefined : DECODE[this.codes[i]!];
  }
}

/**
 * Packs answers as they come from the database, one response at a time, into PackedAnswers
 * sharing one key index. A value scoring would not read (see above) is left out: reading it
 * gives what reading an unanswered question gives.
 */
export class AnswerPacker {
  private readonly index = new Map<string, number>();
  private scratchIndex: number[] = [];
  private scratchCode: number[] = [];
  private anyNumber = false;
  /** Starts a response. */
  begin(): void {
    this.scratchIndex.length = 0;
    this.scratchCode.length = 0;
    this.anyNumber = false;
  }
  /** Adds one answer: its question and its value as decoded from storage. */
  add(key: string, value: unknown): void {
    if (typeof value === "number") this.anyNumber = true;
    const code = encode(value);
    if (code === 0) return;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(key, i);
    }
    this.scratchIndex.push(i);
    this.scratchCode.push(code);
  }
  /** Ends the response: its packed answers. */
  end(): PackedAnswers {
    let width = 0;
    for (const i of this.scratchIndex) if (i >= width) width = i + 1;
    const codes = new Uint8Array(width);
    for (let j = 0; j < this.scratchIndex.length; j++) codes[this.scratchIndex[j]!] = this.scratchCode[j]!;
    return new PackedAnswers(this.index, codes, this.anyNumber);
  }
}

function encode(value: unknown): number {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value <= CODE_NUMBER_MAX ? value + 1 : 0;
  }
  if (typeof value !== "string") return 0;
  // A string of digits is read as its number (wholeNumber above).
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    return n <= CODE_NUMBER_MAX ? n + 1 : 0;
  }
  const w = (WORDS as readonly string[]).indexOf(value);
  return w < 0 ? 0 : CODE_WORD + w;
}

/** A response's answer to a question, from either form of answers (plain object or packed). */
export function answerOf(answers: AnswersOf | undefined, key: string): unknown {
  if (answers === undefined) return undefined;
  return answers instanceof PackedAnswers ? answers.get(key) : answers[key];
}

/** Whether any of a response's stored answers is a number (a scored answer, for the exports' rules). */
export function hasNumericAnswer(answers: AnswersOf): boolean {
  return answers instanceof PackedAnswers
    ? answers.anyNumber
    : Object.values(answers).some((v) => typeof v === "number");
}

/** A response's answers: by question name, or packed. */
export type AnswersOf = Readonly<Record<string, unknown>> | PackedAnswers;

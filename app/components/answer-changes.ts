import type { Answers } from "./unsent-answers";

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const empty = (v: unknown) => v === undefined || v === null;

/**
 * The changes that turn the acknowledged answers into the current ones, as a lean autosave
 * sends them (issue 19): each answer new or changed with its value, each answer cleared as null.
 *
 * @example
 * answerChanges({ a: 1, b: "x" }, { a: 2, c: 3 }); // { a: 2, c: 3, b: null }
 */
export function answerChanges(acked: Answers, current: Answers): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    if (empty(value)) continue;
    if (!same(acked[key], value)) changes[key] = value;
  }
  for (const [key, value] of Object.entries(acked)) {
    if (!empty(value) && empty(current[key])) changes[key] = null;
  }
  return changes;
}

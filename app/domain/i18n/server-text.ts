import type { Lang } from "../language";
import { MESSAGE_FILES } from "./index";

/**
 * The server's own words, translated where they are shown ("at the edge"). Zod messages and the
 * reasons a refused request gives stay English in the code (the source; tests and logs read
 * them); the `server` namespace holds each one under a key, and a page shows the reader's
 * language by looking the English text up. Text that is not there (a value the server wrote
 * in, a message not yet listed) is shown as it came.
 */
let byEnglish: Map<string, string> | null = null;
function keyOf(text: string): string | undefined {
  byEnglish ??= new Map(Object.entries(MESSAGE_FILES.en.server.messages).map(([key, value]) => [value, key]));
  return byEnglish.get(text.trim());
}

/** The password checker's advice comes after the library's own (English) warning. */
const GUESSABLE = MESSAGE_FILES.en.server.messages["password.guessable"]!;

/**
 * A server message in the reader's language.
 *
 * @example
 * localiseServerText("Enter your name", "cy"); // "Rhowch eich enw"
 */
export function localiseServerText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  const key = keyOf(text) ?? (text.endsWith(GUESSABLE) ? "password.guessable" : undefined);
  return key ? (MESSAGE_FILES[lang].server.messages[key] ?? text) : text;
}

/** Every message of a form's errors in the reader's language. */
export function localiseErrors<T extends Record<string, string | undefined>>(
  errors: T | undefined,
  lang: Lang,
): T | undefined {
  if (!errors || lang === "en") return errors;
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, message ? localiseServerText(message, lang) : message]),
  ) as T;
}

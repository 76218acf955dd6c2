import type { FieldErrors } from "./components/forms";

/**
 * The one error body of the app's JSON actions (autosave, workshop votes): `message` for the
 * person, `errors` per field (by the field's name, or an item's key) when input was refused.
 * The client shows `message` as a banner and `errors` beside their fields.
 */
export type Problem = { ok: false; message?: string; errors?: FieldErrors };

/**
 * A JSON error response in the shape above.
 *
 * @example
 * return problem(400, "Some answers are not valid. Nothing was saved.", { q1: "Choose an answer" });
 */
export function problem(status: number, message: string | null, errors?: FieldErrors): Response {
  const body: Problem = { ok: false, ...(message ? { message } : {}), ...(errors ? { errors } : {}) };
  return Response.json(body, { status });
}

/**
 * Only same-origin paths: never redirect to another origin after sign-in. A path with a
 * control character or a backslash is refused outright (browsers drop tabs and newlines and
 * read `\\` as `/`, so `/\t/evil.example` would leave the site); what is left is resolved
 * against our own origin and kept only if it stays there.
 */
export function safeRedirect(to: string | undefined | null, fallback = "/partnerships") {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!to || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const origin = "http://origin.invalid";
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

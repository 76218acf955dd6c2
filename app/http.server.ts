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

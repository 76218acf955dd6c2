import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, type FieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { JOIN_CODE_LENGTH, normaliseJoinCode } from "../domain/workshop";
import { findWorkshopByCode } from "../models/workshop.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import { JOIN_CODE_MISSES } from "../access/workshop.server";

const CodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code shown on the screen")
    .transform((value, ctx) => {
      const code = normaliseJoinCode(value);
      if (!code) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Enter the ${JOIN_CODE_LENGTH}-character code shown on the screen, like K7QXN3`,
        });
        return z.NEVER;
      }
      return code;
    }),
});

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export async function action({ request }: ActionFunctionArgs) {
  const parsed = CodeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const workshop = await findWorkshopByCode(await getDb(), parsed.data.code);
  if (!workshop) {
    // Only wrong codes are counted and refused: a right code always gets through.
    const client = clientKey(request);
    if (!(await rateLimit(JOIN_CODE_MISSES.purpose, client, JOIN_CODE_MISSES.limit, JOIN_CODE_MISSES.windowMs)).ok) {
      return Response.json(
        { errors: { code: "Too many wrong codes from this device. Wait 15 minutes and try again." } },
        { status: 429 },
      );
    }
    return Response.json(
      { errors: { code: "No workshop has that code. Check the code on the screen and try again." } },
      { status: 404 },
    );
  }
  return redirect(`/join/${parsed.data.code}`);
}

export default function JoinWithCode() {
  const data = useActionData<{ errors: FieldErrors }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="workshop-phone">
      <h1>Join a workshop</h1>
      <ErrorSummary errors={data?.errors} order={["code"]} />
      <Form method="post" noValidate>
        <TextField
          name="code"
          label="Workshop code"
          hint="The 6 characters shown on the screen, like K7QXN3"
          error={data?.errors.code}
          autoComplete="off"
          width="10rem"
        />
        <button type="submit" className="button" disabled={busy}>
          Continue
        </button>
      </Form>
      <p className="hint">You do not need an account, and we do not ask your name.</p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Join a workshop" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { createSession } from "../auth.server";
import { hashPassword } from "../crypto.server";
import { metaT, useT } from "../components/i18n";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { findUsablePasswordReset, resetPassword } from "../models/user.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import { passwordProblem } from "../password-policy.server";

const GONE = "This reset link is not valid, has been used, or has expired. Ask your administrator for a new one.";
/** Wrong reset links: 20 per client per 15 minutes, then 429; a valid link is never refused. */
const RESET_MISSES = { purpose: "reset-miss", limit: 20, windowMs: 15 * 60_000 } as const;

/** The answer to a wrong link: 410, or 429 once this client has tried too many. */
async function refuseLink(request: Request): Promise<Response> {
  const limit = await rateLimit(RESET_MISSES.purpose, clientKey(request), RESET_MISSES.limit, RESET_MISSES.windowMs);
  if (!limit.ok) return new Response("Too many attempts. Try again later.", { status: 429 });
  return new Response(GONE, { status: 410 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reset = await findUsablePasswordReset(await getDb(), params.token ?? "");
  if (!reset) throw await refuseLink(request);
  return null;
}

const ResetSchema = z.object({
  password: z.string().superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb();
  const token = params.token ?? "";
  if (!(await findUsablePasswordReset(db, token))) throw await refuseLink(request);
  const parsed = ResetSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  // The token is used up in the same UPDATE that checks it: of two racing requests one wins.
  const done = await resetPassword(db, { token, passwordHash: await hashPassword(parsed.data.password) });
  if (!done) throw new Response(GONE, { status: 410 });
  return redirect("/partnerships", { headers: { "Set-Cookie": await createSession(request, done.userId) } });
}

export default function ResetPassword() {
  const { t } = useT("account");
  const data = useActionData<{ errors: Record<string, string> }>();
  return (
    <div>
      <h1>{t("reset.title")}</h1>
      <ErrorSummary errors={data?.errors} />
      <Form method="post" noValidate>
        <TextField
          name="password"
          label={t("reset.password")}
          type="password"
          autoComplete="new-password"
          hint={t("signUp.passwordHint")}
          error={data?.errors.password}
        />
        <button type="submit" className="button">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "account")("reset.title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

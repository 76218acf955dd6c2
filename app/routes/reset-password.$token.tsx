import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { createSession } from "../auth.server";
import { hashPassword } from "../crypto.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { findUsablePasswordReset, resetPassword } from "../models/user.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";

async function findReset(token: string) {
  const db = await getDb();
  const reset = await findUsablePasswordReset(db, token);
  if (!reset) {
    throw new Response("This reset link is not valid, has been used, or has expired. Ask your administrator for a new one.", { status: 410 });
  }
  return { db, reset };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!rateLimit("reset", clientKey(request), 20, 15 * 60_000).ok) throw new Response("Too many attempts. Try again later.", { status: 429 });
  await findReset(params.token ?? "");
  return null;
}

const ResetSchema = z.object({ password: z.string().min(12, "Password must be at least 12 characters").max(200, "Password must be 200 characters or fewer") });

export async function action({ request, params }: ActionFunctionArgs) {
  if (!rateLimit("reset", clientKey(request), 20, 15 * 60_000).ok) throw new Response("Too many attempts. Try again later.", { status: 429 });
  const { db, reset } = await findReset(params.token ?? "");
  const parsed = ResetSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  await resetPassword(db, { resetId: reset.id, userId: reset.user_id, passwordHash: await hashPassword(parsed.data.password) });
  return redirect("/partnerships", { headers: { "Set-Cookie": await createSession(request, reset.user_id) } });
}

export default function ResetPassword() {
  const data = useActionData<{ errors: Record<string, string> }>();
  return (
    <div>
      <h1>Choose a new password</h1>
      <ErrorSummary errors={data?.errors} />
      <Form method="post" noValidate>
        <TextField name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." error={data?.errors.password} />
        <button type="submit" className="button">Save password</button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Choose a new password" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

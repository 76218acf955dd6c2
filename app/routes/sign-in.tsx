import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { createSession, getUser } from "../auth.server";
import { verifyPassword } from "../crypto.server";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { audit } from "../models/partnership.server";
import { findUserForSignIn } from "../models/user.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";

const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").email("Enter an email address in the correct format, like name@example.org"),
  password: z.string().min(1, "Enter your password").max(200, "Password must be 200 characters or fewer"),
  redirectTo: z.string().optional(),
});

/** Only same-site paths: never redirect to another origin after sign-in. */
export function safeRedirect(to: string | undefined | null, fallback = "/partnerships") {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/partnerships");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const limit = rateLimit("sign-in", clientKey(request), 10, 15 * 60_000);
  if (!limit.ok) {
    return Response.json({ errors: { email: `Too many attempts. Wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes and try again.` } }, { status: 429 });
  }
  const parsed = SignInSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const db = await getDb();
  const user = await findUserForSignIn(db, parsed.data.email);
  const valid = user ? await verifyPassword(parsed.data.password, user.password_hash) : false;
  if (!user || !valid) {
    return Response.json({ errors: { email: "The email address or password is not right" } }, { status: 400 });
  }
  await audit(db, { userId: user.id, action: "user.signed_in" });
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": await createSession(request, user.id) } });
}

export default function SignIn() {
  const data = useActionData<{ errors: Record<string, string> }>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <h1>Sign in</h1>
      <ErrorSummary errors={data?.errors} order={["email", "password"]} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField name="email" label="Email address" type="email" autoComplete="email" error={data?.errors.email} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" error={data?.errors.password} />
        <button type="submit" className="button" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
      </Form>
      <p>No account yet? <Link to="/sign-up">Create an account</Link></p>
      <p>Forgotten your password? Ask your administrator for a reset link.</p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in" }];

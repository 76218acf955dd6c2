import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { createSession, getUser } from "../auth.server";
import { hashPassword } from "../crypto.server";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { createUser } from "../models/user.server";

const SignUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120, "Name must be 120 characters or fewer"),
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").email("Enter an email address in the correct format, like name@example.org"),
  password: z.string().min(12, "Password must be at least 12 characters").max(200, "Password must be 200 characters or fewer"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/partnerships");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = SignUpSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const { name, email, password } = parsed.data;
  const created = await createUser(await getDb(), { email, name, passwordHash: await hashPassword(password) });
  if (!created) return Response.json({ errors: { email: "An account with this email address already exists. Sign in instead." } }, { status: 400 });
  const { id } = created;
  return redirect("/partnerships", { headers: { "Set-Cookie": await createSession(request, id) } });
}

export default function SignUp() {
  const data = useActionData<{ errors: Record<string, string> }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <h1>Create an account</h1>
      <p>For partnership leads, facilitators and commissioners. People answering a questionnaire do not need an account.</p>
      <ErrorSummary errors={data?.errors} order={["name", "email", "password"]} />
      <Form method="post" noValidate>
        <TextField name="name" label="Your name" autoComplete="name" error={data?.errors.name} />
        <TextField name="email" label="Email address" type="email" autoComplete="email" error={data?.errors.email} />
        <TextField name="password" label="Create a password" type="password" autoComplete="new-password" hint="At least 12 characters. A few words strung together is easy to remember." error={data?.errors.password} />
        <button type="submit" className="button" disabled={busy}>{busy ? "Creating account…" : "Create account"}</button>
      </Form>
      <p>Already have an account? <Link to="/sign-in">Sign in</Link></p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Create an account" }];

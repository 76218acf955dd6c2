import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getUser } from "../auth.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import { passwordProblem } from "../password-policy.server";
import { hashPassword } from "../crypto.server";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { createUser } from "../models/user.server";

const SignUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(120, "Name must be 120 characters or fewer"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter your email address")
      .email("Enter an email address in the correct format, like name@example.org"),
    password: z.string().superRefine((password, ctx) => {
      const problem = passwordProblem(password);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }),
  })
  .superRefine((form, ctx) => {
    // Nor made of the person's own name or email address.
    const problem = passwordProblem(form.password, [form.name, form.email]);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["password"], message: problem });
  });

/** Accounts per client address: enough for an office signing up together, not for a script. */
const SIGN_UPS = { purpose: "sign-up", limit: 10, windowMs: 60 * 60_000 } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/partnerships");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const limit = await rateLimit(SIGN_UPS.purpose, clientKey(request), SIGN_UPS.limit, SIGN_UPS.windowMs);
  if (!limit.ok) {
    return Response.json(
      {
        errors: {
          email: `Too many accounts created from this network. Wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes and try again.`,
        },
      },
      { status: 429 },
    );
  }
  const parsed = SignUpSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const { name, email, password } = parsed.data;
  // The same answer whether or not the address already has an account (nobody learns who has
  // one): the new account is not signed in here, its owner signs in next.
  await createUser(await getDb(), { email, name, passwordHash: await hashPassword(password) });
  return redirect("/sign-in?created=1");
}

export default function SignUp() {
  const data = useActionData<{ errors: Record<string, string> }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <h1>Create an account</h1>
      <p>
        For partnership leads, facilitators and commissioners. People answering a questionnaire do not need an account.
      </p>
      <ErrorSummary errors={data?.errors} order={["name", "email", "password"]} />
      <Form method="post" noValidate>
        <TextField name="name" label="Your name" autoComplete="name" error={data?.errors.name} />
        <TextField name="email" label="Email address" type="email" autoComplete="email" error={data?.errors.email} />
        <TextField
          name="password"
          label="Create a password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters, and not easy to guess. A few unrelated words strung together is easy to remember."
          error={data?.errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </button>
      </Form>
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Create an account" }];

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getUser } from "../auth.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import { passwordProblem } from "../password-policy.server";
import { hashPassword } from "../crypto.server";
import { metaT, useT } from "../components/i18n";
import { requestT } from "../language.server";
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
          email: (await requestT(request, "account"))("signUp.tooMany", {
            minutes: Math.ceil(limit.retryAfterSeconds / 60),
          }),
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
  const { t } = useT("account");
  const data = useActionData<{ errors: Record<string, string> }>();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <h1>{t("signUp.title")}</h1>
      <p>{t("signUp.intro")}</p>
      <ErrorSummary errors={data?.errors} order={["name", "email", "password"]} />
      <Form method="post" noValidate>
        <TextField name="name" label={t("signUp.name")} autoComplete="name" error={data?.errors.name} />
        <TextField
          name="email"
          label={t("signIn.email")}
          type="email"
          autoComplete="email"
          error={data?.errors.email}
        />
        <TextField
          name="password"
          label={t("signUp.password")}
          type="password"
          autoComplete="new-password"
          hint={t("signUp.passwordHint")}
          error={data?.errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("signUp.busy") : t("signUp.submit")}
        </button>
      </Form>
      <p>
        {t("signUp.haveAccount")} <Link to="/sign-in">{t("signIn.submit")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "account")("signUp.title") }];

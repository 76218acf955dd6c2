import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { createSession, getUser } from "../auth.server";
import { verifyPasswordOrDummy } from "../crypto.server";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { audit } from "../models/partnership.server";
import { findUserForSignIn } from "../models/user.server";
import { safeRedirect } from "../http.server";
import { metaT, useT } from "../components/i18n";
import { clientKey, rateLimit, tooManyFailures } from "../access/rate-limit.server";

const SignInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .email("Enter an email address in the correct format, like name@example.org"),
  password: z.string().min(1, "Enter your password").max(200, "Password must be 200 characters or fewer"),
  redirectTo: z.string().optional(),
});

/** Wrong passwords: 10 per account and 100 per client address per 15 minutes. */
const PER_ACCOUNT = { purpose: "sign-in-account", limit: 10, windowMs: 15 * 60_000 } as const;
const PER_ADDRESS = { purpose: "sign-in-address", limit: 100, windowMs: 15 * 60_000 } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/partnerships");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = SignInSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const client = clientKey(request);
  // Counted against the account guessed at (whether it exists or not) and, more generously,
  // against the address, so people sharing one (a school, a trust's proxy) are not locked out.
  if (
    (await tooManyFailures(PER_ACCOUNT.purpose, parsed.data.email, PER_ACCOUNT.limit)) ||
    (await tooManyFailures(PER_ADDRESS.purpose, client, PER_ADDRESS.limit))
  ) {
    return Response.json({ errors: { email: "Too many attempts. Wait 15 minutes and try again." } }, { status: 429 });
  }
  const db = await getDb();
  const user = await findUserForSignIn(db, parsed.data.email);
  // The same work whether or not the account exists: timing does not tell who has one.
  const valid = await verifyPasswordOrDummy(parsed.data.password, user?.password_hash);
  if (!user || !valid) {
    await rateLimit(PER_ACCOUNT.purpose, parsed.data.email, PER_ACCOUNT.limit, PER_ACCOUNT.windowMs);
    await rateLimit(PER_ADDRESS.purpose, client, PER_ADDRESS.limit, PER_ADDRESS.windowMs);
    return Response.json({ errors: { email: "The email address or password is not right" } }, { status: 400 });
  }
  await audit(db, { userId: user.id, action: "user.signed_in" });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await createSession(request, user.id) },
  });
}

export default function SignIn() {
  const data = useActionData<{ errors: Record<string, string> }>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useT("account");
  return (
    <div>
      <h1>{t("signIn.title")}</h1>
      {params.get("created") === "1" ? (
        <p className="notice" role="status">
          {t("signIn.created")}
        </p>
      ) : null}
      <ErrorSummary errors={data?.errors} order={["email", "password"]} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          label={t("signIn.email")}
          type="email"
          autoComplete="email"
          error={data?.errors.email}
        />
        <TextField
          name="password"
          label={t("signIn.password")}
          type="password"
          autoComplete="current-password"
          error={data?.errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </Form>
      <p>
        {t("signIn.noAccount")} <Link to="/sign-up">{t("signIn.create")}</Link>
      </p>
      <p>{t("signIn.forgotten")}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "account")("signIn.title") }];

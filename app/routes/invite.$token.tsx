import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getUser, requireUser } from "../auth.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import { metaT, useT } from "../components/i18n";
import { formatDate } from "../domain/dates";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { getDb } from "../db.server";
import { acceptAccessInvitation, findAccessInvitation } from "../models/access-invitation.server";

/**
 * An invitation link (issue 14): shows what it offers; a signed-in person accepts it with a
 * POST, which grants the role or the commissioner share once. Signed out, one signs in first and
 * comes back here.
 */
const GONE =
  "This invitation link is not valid, has been used or revoked, or has expired. Ask the person who sent it for a new one.";
/** Wrong invitation links: 20 per client per 15 minutes, then 429; a valid link is never refused. */
const MISSES = { purpose: "access-invitation-miss", limit: 20, windowMs: 15 * 60_000 } as const;

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const AcceptSchema = z.object({ intent: z.literal("accept") });

/** The answer to a wrong link: 410, or 429 once this client has tried too many. */
async function refuseLink(request: Request): Promise<Response> {
  const limit = await rateLimit(MISSES.purpose, clientKey(request), MISSES.limit, MISSES.windowMs);
  if (!limit.ok) return new Response("Too many attempts. Try again later.", { status: 429 });
  return new Response(GONE, { status: 410 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = TokenSchema.safeParse(params.token);
  if (!token.success) throw await refuseLink(request);
  const invitation = await findAccessInvitation(await getDb(), token.data);
  if (!invitation?.usable) throw await refuseLink(request);
  const user = await getUser(request);
  const here = new URL(request.url).pathname;
  return {
    kind: invitation.kind,
    role: invitation.role,
    agencyName: invitation.agencyName,
    partnershipName: invitation.partnershipName,
    expires: invitation.expiresAt.slice(0, 10),
    signedInAs: user ? user.email : null,
    signIn: `/sign-in?redirectTo=${encodeURIComponent(here)}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = TokenSchema.safeParse(params.token);
  if (!token.success) throw await refuseLink(request);
  if (!AcceptSchema.safeParse(Object.fromEntries(await request.formData())).success)
    throw new Response("That action is not recognised.", { status: 400 });
  const accepted = await acceptAccessInvitation(await getDb(), { token: token.data, userId: user.id });
  if (!accepted) throw await refuseLink(request);
  return redirect(
    accepted.kind === "member"
      ? `/partnerships/${accepted.partnershipId}`
      : accepted.kind === "organisation"
        ? "/partnerships"
        : "/compare",
  );
}

export default function InvitationPage() {
  const invitation = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const { t, lang } = useT("account");
  const partnership = invitation.partnershipName;
  const offer =
    invitation.kind === "member"
      ? t("invite.member", { role: t(`role.${invitation.role}`), partnership })
      : invitation.kind === "organisation"
        ? t("invite.organisation", {
            organisation: invitation.agencyName ?? t("invite.yourOrganisation"),
            partnership,
          })
        : t("invite.commissioner", { partnership });
  return (
    <div>
      <h1>{t("invite.title")}</h1>
      <p>{offer}</p>
      <p className="hint">{t("invite.once", { date: formatDate(invitation.expires, lang) })}</p>
      {invitation.signedInAs ? (
        <Form method="post">
          <p>{t("invite.signedInAs", { email: invitation.signedInAs })}</p>
          <input type="hidden" name="intent" value="accept" />
          <button type="submit" className="button" disabled={busy}>
            {t("invite.accept")}
          </button>
        </Form>
      ) : (
        <>
          <p>
            <Link to={invitation.signIn} className="button">
              {t("invite.signIn")}
            </Link>
          </p>
          <p>
            {t("signIn.noAccount")} <Link to="/sign-up">{t("signIn.create")}</Link>
            {t("invite.thenAgain")}
          </p>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "account")("invite.meta") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

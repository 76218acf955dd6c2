import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { formatDate } from "../domain/dates";
import { requestT } from "../language.server";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, RowAction, TextField, fieldErrors } from "../components/forms";
import {
  INVITATION_DAYS,
  createAccessInvitation,
  listOpenInvitations,
  revokeAccessInvitation,
} from "../models/access-invitation.server";
import { listCommissionerGrants, revokeCommissioner } from "../models/commissioner.server";
import { audit } from "../models/partnership.server";
import { nationalSharingOf, setNationalSharing } from "../models/national.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const [grants, invitations, national] = await Promise.all([
    listCommissionerGrants(db, { partnershipId: partnership.id }),
    listOpenInvitations(db, { partnershipId: partnership.id, kind: "commissioner" }),
    nationalSharingOf(db, partnership.id),
  ]);
  return {
    // From a .server module: the browser gets it from here, so both render the same number.
    invitationDays: INVITATION_DAYS,
    partnership: { id: partnership.id, name: partnership.name },
    national: national ? { since: national.since.slice(0, 10) } : null,
    invitations: invitations.map((i) => ({
      id: i.id,
      note: i.note,
      createdByName: i.createdByName,
      expires: i.expiresAt.slice(0, 10),
    })),
    grants: grants.map((g) => ({ userId: g.userId, email: g.email, name: g.name, since: g.createdAt.slice(0, 10) })),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    note: z.string().trim().max(100, "Keep the note to 100 characters or fewer").default(""),
  }),
  z.object({ intent: z.literal("revoke"), userId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("revoke_invitation"), invitationId: z.string().min(1).max(64) }),
  // An unticked checkbox sends nothing: no `share` means stop sharing.
  z.object({ intent: z.literal("national"), share: z.literal("1").optional() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const t = await requestT(request, "staff");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    if (!errors.note) throw new Response("That action is not recognised.", { status: 400 });
    return Response.json({ errors: { note: errors.note }, done: null, link: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "invite") {
    const { token } = await createAccessInvitation(db, {
      partnershipId: partnership.id,
      kind: "commissioner",
      role: null,
      note: input.note,
      createdBy: user.id,
    });
    return { errors: null, done: null, link: new URL(`/invite/${token}`, request.url).toString() };
  }
  if (input.intent === "national") {
    const share = input.share === "1";
    await setNationalSharing(db, { partnershipId: partnership.id, share, userId: user.id });
    return {
      errors: null,
      done: share ? t("s.nationalOn") : t("s.nationalOff"),
      link: null,
    };
  }
  if (input.intent === "revoke_invitation") {
    if (
      !(await revokeAccessInvitation(db, { partnershipId: partnership.id, id: input.invitationId, revokedBy: user.id }))
    ) {
      throw new Response("That invitation is not open: it was used, revoked or has expired.", { status: 404 });
    }
    return { errors: null, done: t("p.revoked"), link: null };
  }
  const grant = (await listCommissionerGrants(db, { partnershipId: partnership.id })).find(
    (g) => g.userId === input.userId,
  );
  if (!grant) throw new Response("That commissioner does not have access.", { status: 404 });
  await revokeCommissioner(db, { partnershipId: partnership.id, userId: input.userId });
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    action: "commissioner.revoked",
    detail: grant.email,
  });
  return { errors: null, done: t("s.revokedGrant", { email: grant.email }), link: null };
}

export default function SharingPage() {
  const { partnership, grants, invitations, national, invitationDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t, lang } = useT("staff");
  return (
    <div>
      <ErrorSummary errors={result?.errors ?? undefined} />
      <span className="caption">{partnership.name}</span>
      <h1>{t("s.title")}</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      <p>{t("s.intro")}</p>
      <ul>
        <li>
          {t("s.see1a")} <strong>{t("s.see1b")}</strong>
          {t("s.see1c")}
        </li>
        <li>{t("s.see2")}</li>
        <li>{t("s.see3")}</li>
      </ul>
      <p>{t("s.benchmark")}</p>

      <h2>{t("s.sharedWith")}</h2>
      {grants.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("s.tableLabel")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("s.commissioner")}</th>
                <th scope="col">{t("p.email")}</th>
                <th scope="col">{t("s.since")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("p.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.userId}>
                  <td>{g.name}</td>
                  <td>{g.email}</td>
                  <td>{formatDate(g.since, lang)}</td>
                  <td>
                    <RowAction
                      intent="revoke"
                      fields={{ userId: g.userId }}
                      label={t("s.stop")}
                      which={t("s.stopWith", { email: g.email })}
                      disabled={busy}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("s.none")}</p>
      )}

      <h2>{t("s.share")}</h2>
      <p>{t("s.shareIntro", { days: invitationDays })}</p>
      {result?.link ? (
        <div className="notice" role="status">
          <p>{t("s.copy")}</p>
          <label htmlFor="invitation-link">{t("p.invitationLink")}</label>
          <input
            id="invitation-link"
            type="text"
            readOnly
            value={result.link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="note"
          label={t("p.note")}
          hint={t("p.noteHint")}
          error={result?.errors?.note}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={busy}>
          {t("p.createInvitation")}
        </button>
      </Form>

      <h2>{t("p.openInvitations")}</h2>
      {invitations.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("p.for")}</th>
              <th scope="col">{t("p.createdBy")}</th>
              <th scope="col">{t("p.expires")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("p.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.note || "–"}</td>
                <td>{i.createdByName ?? "–"}</td>
                <td>{formatDate(i.expires, lang)}</td>
                <td>
                  <RowAction
                    intent="revoke_invitation"
                    fields={{ invitationId: i.id }}
                    label={t("p.revoke")}
                    which={t("s.revokeWhich") + (i.note ? t("p.revokeFor", { note: i.note }) : "")}
                    disabled={busy}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("p.noInvitations")}</p>
      )}
      <h2 id="national">{t("s.national")}</h2>
      <p>{t("s.nationalIntro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="national" />
        <div className="checkbox">
          <input
            type="checkbox"
            id="national-share"
            name="share"
            value="1"
            defaultChecked={Boolean(national)}
            key={national ? "on" : "off"}
          />
          <label htmlFor="national-share">{t("s.national")}</label>
        </div>
        {national ? <p className="hint">{t("s.sharedSince", { date: formatDate(national.since, lang) })}</p> : null}
        <button type="submit" className="button" disabled={busy}>
          {t("s.saveNational")}
        </button>
      </Form>

      <p>
        <Link to={`/partnerships/${partnership.id}`} className="back-link">
          {t("s.back")}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "staff")("s.title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

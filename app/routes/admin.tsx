import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { requestT } from "../language.server";
import { z } from "zod";
import { requireAdmin } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { RowAction, SelectField } from "../components/forms";
import { awaitingReview } from "../domain/i18n";
import { LANGUAGE_NAMES } from "../domain/language";
import { getDb } from "../db.server";
import { audit, findPartnershipName, listPartnershipNames } from "../models/partnership.server";
import { issuePasswordReset, listUsers } from "../models/user.server";
import { createAccessInvitation, INVITATION_DAYS } from "../models/access-invitation.server";
import { findUserByEmail, listCommissionerGrants, revokeCommissioner } from "../models/commissioner.server";
import { grantNationalViewer, listNationalViewers, revokeNationalViewer } from "../models/national.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const db = await getDb();
  const [users, partnerships, grants, nationalViewers] = await Promise.all([
    listUsers(db),
    listPartnershipNames(db),
    listCommissionerGrants(db),
    listNationalViewers(db),
  ]);
  return { users, partnerships, grants, nationalViewers };
}

const ResetSchema = z.object({ intent: z.literal("reset"), userId: z.string().min(1).max(64) });
const RESET_HOURS = 24;

// Commissioner access: an administrator creates an invitation link for a partnership's results
// (never a grant by email: whoever registered the address first would receive it), or revokes.
const CommissionerInviteSchema = z.object({
  intent: z.literal("commissioner_invite"),
  partnershipId: z.string().min(1).max(64),
  note: z.string().trim().max(100).default(""),
});
const CommissionerRevokeSchema = z.object({
  intent: z.literal("commissioner_revoke"),
  email: z.string().trim().toLowerCase().email().max(320),
  partnershipId: z.string().min(1).max(64),
});

// National viewers (issue 18): pooled figures of the areas that consent to national sharing.
const NationalSchema = z.object({
  intent: z.enum(["national_grant", "national_revoke"]),
  userId: z.string().min(1).max(64),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const t = await requestT(request, "admin");
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "national_grant" || form.intent === "national_revoke") {
    const input = NationalSchema.safeParse(form);
    if (!input.success) throw new Response("Choose an account.", { status: 400 });
    const db = await getDb();
    const user = (await listUsers(db)).find((u) => u.id === input.data.userId);
    if (!user) throw new Response("No such account.", { status: 400 });
    const granting = input.data.intent === "national_grant";
    const changed = granting
      ? await grantNationalViewer(db, { userId: user.id, grantedBy: admin.id })
      : await revokeNationalViewer(db, { userId: user.id });
    if (changed)
      await audit(db, {
        userId: admin.id,
        action: granting ? "national.granted" : "national.revoked",
        detail: user.email,
      });
    return {
      national: t(granting ? "nationalOn" : "nationalOff", { email: user.email }),
    };
  }
  if (form.intent === "commissioner_invite") {
    const input = CommissionerInviteSchema.safeParse(form);
    if (!input.success)
      throw new Response("Choose a partnership (and keep the note to 100 characters or fewer).", { status: 400 });
    const db = await getDb();
    const partnership = await findPartnershipName(db, input.data.partnershipId);
    if (!partnership) throw new Response("No such partnership.", { status: 400 });
    const { token } = await createAccessInvitation(db, {
      partnershipId: partnership.id,
      kind: "commissioner",
      role: null,
      note: input.data.note,
      createdBy: admin.id,
    });
    return { invitation: new URL(`/invite/${token}`, request.url).toString(), partnershipName: partnership.name };
  }
  if (form.intent === "commissioner_revoke") {
    const input = CommissionerRevokeSchema.safeParse(form);
    if (!input.success) throw new Response("Enter an email address and choose a partnership.", { status: 400 });
    const db = await getDb();
    const user = await findUserByEmail(db, input.data.email);
    const partnership = await findPartnershipName(db, input.data.partnershipId);
    if (!user || !partnership) throw new Response("No such user or partnership.", { status: 400 });
    if (await revokeCommissioner(db, { partnershipId: partnership.id, userId: user.id })) {
      await audit(db, {
        userId: admin.id,
        partnershipId: partnership.id,
        action: "commissioner.revoked",
        detail: user.email,
      });
    }
    return { commissioner: t("commissionerRevoked", { email: user.email, partnership: partnership.name }) };
  }
  const parsed = ResetSchema.safeParse(form);
  if (!parsed.success) throw new Response("That action is not recognised.", { status: 400 });
  const db = await getDb();
  const issued = await issuePasswordReset(db, { userId: parsed.data.userId, issuedBy: admin.id, hours: RESET_HOURS });
  if (!issued) throw new Response("User not found.", { status: 404 });
  const { token, email } = issued;
  const link = new URL(`/reset-password/${token}`, request.url).toString();
  // Works without an email server: the administrator passes the link on; it is also in the server log.
  console.log(`Password reset link for ${email} (valid ${RESET_HOURS} hours): ${link}`);
  return { link, email };
}

export default function Admin() {
  const { users, partnerships, grants, nationalViewers } = useLoaderData<typeof loader>();
  const national = new Set(nationalViewers.map((v) => v.id));
  const result = useActionData<typeof action>();
  const issued = result && "link" in result ? result : null;
  const { t } = useT("admin");
  return (
    <div>
      <h1>{t("title")}</h1>
      {issued ? (
        <div className="notice" role="status">
          <p>{t("resetGiven", { email: issued.email })}</p>
          <div className="copy-field">
            <label htmlFor="reset-link" className="visually-hidden">
              {t("resetLink")}
            </label>
            <input id="reset-link" readOnly value={issued.link} />
          </div>
        </div>
      ) : null}
      <h2>{t("translations")}</h2>
      <TranslationReview />
      <h2>{t("accounts")}</h2>
      <p>
        {t("nationalIntro")} <Link to="/national">{t("nationalLink")}</Link>
        {t("nationalIntroRest")}
      </p>
      {result && "national" in result ? (
        <p className="notice" role="status">
          {result.national}
        </p>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("scroll")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.is_admin ? t("administrator") : national.has(u.id) ? t("nationalViewer") : t("user")}</td>
                <td>
                  <RowAction
                    intent={national.has(u.id) ? "national_revoke" : "national_grant"}
                    fields={{ userId: u.id }}
                    label={national.has(u.id) ? t("stopNational") : t("makeNational")}
                    which={t("forEmail", { email: u.email })}
                  />
                  <RowAction
                    intent="reset"
                    fields={{ userId: u.id }}
                    label={t("issueReset")}
                    which={t("forEmail", { email: u.email })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="commissioners">{t("commissioners")}</h2>
      <p>{t("commissionersIntro")}</p>
      {result && "commissioner" in result ? (
        <p className="notice" role="status">
          {result.commissioner}
        </p>
      ) : null}
      {result && "invitation" in result ? (
        <div className="notice" role="status">
          <p>{t("sendLink", { partnership: result.partnershipName, days: INVITATION_DAYS })}</p>
          <div className="copy-field">
            <label htmlFor="commissioner-link" className="visually-hidden">
              {t("invitationLink")}
            </label>
            <input id="commissioner-link" readOnly value={result.invitation} />
          </div>
        </div>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="commissioner_invite" />
        <SelectField
          name="partnershipId"
          id="commissioner-partnership"
          label={t("partnership")}
          options={partnerships.map((p) => ({ value: p.id, label: p.name }))}
          required
        />
        <div className="field">
          <label htmlFor="commissioner-note">{t("note")}</label>
          <input id="commissioner-note" name="note" type="text" maxLength={100} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          {t("createInvitation")}
        </button>
      </Form>
      {grants.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("commissionerTable")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("commissioner")}</th>
                <th scope="col">{t("partnership")}</th>
                <th scope="col">{t("grantedBy")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={`${g.userId}-${g.partnershipId}`}>
                  <td>{g.email}</td>
                  <td>{g.partnershipName}</td>
                  <td>{g.grantedByName ?? "–"}</td>
                  <td>
                    <RowAction
                      intent="commissioner_revoke"
                      fields={{ email: g.email, partnershipId: g.partnershipId }}
                      label={t("revoke")}
                      which={t("revokeWhich", { email: g.email, partnership: g.partnershipName })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "admin")("title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** The message files whose translation is still to be checked by a fluent speaker (their review flag). */
function TranslationReview() {
  const pending = awaitingReview();
  const { t } = useT("admin");
  if (!pending.length) return <p>{t("allReviewed")}</p>;
  return (
    <div className="notice" data-testid="translation-review">
      <p>
        {t("reviewIntro")} <code lang="en">reviewed</code> {t("reviewIntroRest")}
      </p>
      <ul>
        {pending.map((file) => (
          <li key={`${file.lang}/${file.namespace}`}>
            {LANGUAGE_NAMES[file.lang]}: <code lang="en">{file.namespace}</code> (
            {t("reviewCount", { count: file.keys })})
          </li>
        ))}
      </ul>
    </div>
  );
}

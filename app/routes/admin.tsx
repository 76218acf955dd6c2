import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAdmin } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { awaitingReview, REVIEW_NOTE } from "../domain/i18n";
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
      national: granting ? `${user.email} is a national viewer.` : `${user.email} is no longer a national viewer.`,
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
    return { commissioner: `${user.email} can no longer compare ${partnership.name}.` };
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
  return (
    <div>
      <h1>Administration</h1>
      {issued ? (
        <div className="notice" role="status">
          <p>Give this one-time link to {issued.email}. It works once, for 24 hours.</p>
          <div className="copy-field">
            <label htmlFor="reset-link" className="visually-hidden">
              Reset link
            </label>
            <input id="reset-link" readOnly value={issued.link} />
          </div>
        </div>
      ) : null}
      <h2>Translations</h2>
      <TranslationReview />
      <h2>Accounts</h2>
      <p>
        A national viewer sees the <Link to="/national">national view</Link>: pooled figures of the areas whose leads
        share them nationally, never from fewer than 5 areas. Check with the person that the account is theirs before
        you make it one.
      </p>
      {result && "national" in result ? (
        <p className="notice" role="status">
          {result.national}
        </p>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: scroll sideways to see every column">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.is_admin ? "Administrator" : national.has(u.id) ? "National viewer" : "User"}</td>
                <td>
                  <Form method="post">
                    <input
                      type="hidden"
                      name="intent"
                      value={national.has(u.id) ? "national_revoke" : "national_grant"}
                    />
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" className="link-button">
                      {national.has(u.id) ? "Stop national viewing" : "Make national viewer"}
                      <span className="visually-hidden"> for {u.email}</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset" />
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" className="link-button">
                      Issue a password reset link<span className="visually-hidden"> for {u.email}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="commissioners">Commissioner access</h2>
      <p>
        A commissioner compares the partnerships granted to them, and sees aggregates only. A partnership's lead can
        also share from the partnership's sharing page; open links are listed and revoked there.
      </p>
      {result && "commissioner" in result ? (
        <p className="notice" role="status">
          {result.commissioner}
        </p>
      ) : null}
      {result && "invitation" in result ? (
        <div className="notice" role="status">
          <p>
            Send this link to the commissioner: whoever accepts it first, signed in, can compare{" "}
            {result.partnershipName}. It works once, for {INVITATION_DAYS} days.
          </p>
          <div className="copy-field">
            <label htmlFor="commissioner-link" className="visually-hidden">
              Invitation link
            </label>
            <input id="commissioner-link" readOnly value={result.invitation} />
          </div>
        </div>
      ) : null}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="commissioner_invite" />
        <div className="field">
          <label htmlFor="commissioner-partnership">Partnership</label>
          <select id="commissioner-partnership" name="partnershipId" required>
            {partnerships.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="commissioner-note">Who it is for (optional)</label>
          <input id="commissioner-note" name="note" type="text" maxLength={100} autoComplete="off" />
        </div>
        <button type="submit" className="button">
          Create invitation link
        </button>
      </Form>
      {grants.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: commissioner access">
          <table>
            <thead>
              <tr>
                <th scope="col">Commissioner</th>
                <th scope="col">Partnership</th>
                <th scope="col">Granted by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
                    <Form method="post">
                      <input type="hidden" name="intent" value="commissioner_revoke" />
                      <input type="hidden" name="email" value={g.email} />
                      <input type="hidden" name="partnershipId" value={g.partnershipId} />
                      <button type="submit" className="link-button">
                        Revoke
                        <span className="visually-hidden">
                          {" "}
                          {g.email}'s access to {g.partnershipName}
                        </span>
                      </button>
                    </Form>
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

export const meta: MetaFunction = () => [{ title: "Administration" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** The message files whose translation is still to be checked by a fluent speaker (their review flag). */
function TranslationReview() {
  const pending = awaitingReview();
  if (!pending.length) return <p>Every translation has been reviewed by a fluent speaker.</p>;
  return (
    <div className="notice" data-testid="translation-review">
      <p>
        These message files are {REVIEW_NOTE}: the text is shown to users, but has not yet been checked. When a fluent
        speaker has reviewed a file, set its <code>reviewed</code> flag to true (app/domain/i18n/messages/).
      </p>
      <ul>
        {pending.map((file) => (
          <li key={`${file.lang}/${file.namespace}`}>
            {LANGUAGE_NAMES[file.lang]}: {file.namespace} ({file.keys} messages)
          </li>
        ))}
      </ul>
    </div>
  );
}

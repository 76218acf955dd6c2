import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
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
      done: share ? "Results are shared with national viewers." : "Results are no longer shared with national viewers.",
      link: null,
    };
  }
  if (input.intent === "revoke_invitation") {
    if (
      !(await revokeAccessInvitation(db, { partnershipId: partnership.id, id: input.invitationId, revokedBy: user.id }))
    ) {
      throw new Response("That invitation is not open: it was used, revoked or has expired.", { status: 404 });
    }
    return { errors: null, done: "The invitation link was revoked: it no longer works.", link: null };
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
  return { errors: null, done: `Results are no longer shared with ${grant.email}.`, link: null };
}

export default function SharingPage() {
  const { partnership, grants, invitations, national } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <ErrorSummary errors={result?.errors ?? undefined} />
      <span className="caption">{partnership.name}</span>
      <h1>Share results with commissioners</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      <p>
        A commissioner you share with can compare this partnership with other areas, side by side and over time, and
        download those figures. They see:
      </p>
      <ul>
        <li>
          component scores, the component by level matrix and the continuum stage of <strong>closed</strong> rounds;
        </li>
        <li>figures for groups only, never for a group smaller than the round's threshold;</li>
        <li>never anyone's individual answers, and never the comments.</li>
      </ul>
      <p>
        Sharing also counts this partnership in the benchmark (the median and range across every area that shares),
        which commissioners see once at least 5 areas share. You can stop sharing at any time.
      </p>

      <h2>Shared with</h2>
      {grants.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: commissioners with access">
          <table>
            <thead>
              <tr>
                <th scope="col">Commissioner</th>
                <th scope="col">Email</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.userId}>
                  <td>{g.name}</td>
                  <td>{g.email}</td>
                  <td>{g.since}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="userId" value={g.userId} />
                      <button type="submit" className="link-button" disabled={busy}>
                        Stop sharing<span className="visually-hidden"> with {g.email}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Not shared with any commissioner.</p>
      )}

      <h2>Share with a commissioner</h2>
      <p>
        Create a link, copy it and send it to the commissioner. They sign in (or create an account) and accept it:
        results are shared with whoever accepts first, once. A link works for {INVITATION_DAYS} days, and you can revoke
        it until it is used.
      </p>
      {result?.link ? (
        <div className="notice" role="status">
          <p>Copy this link and send it to the commissioner. It is shown only once.</p>
          <label htmlFor="invitation-link">Invitation link</label>
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
          label="Who it is for (optional)"
          hint="Only for you, to recognise the link in the list below."
          error={result?.errors?.note}
          autoComplete="off"
        />
        <button type="submit" className="button" disabled={busy}>
          Create invitation link
        </button>
      </Form>

      <h2>Open invitations</h2>
      {invitations.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Created by</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.note || "–"}</td>
                <td>{i.createdByName ?? "–"}</td>
                <td>{i.expires}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke_invitation" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className="link-button" disabled={busy}>
                      Revoke<span className="visually-hidden"> the invitation{i.note ? ` for ${i.note}` : ""}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No open invitations.</p>
      )}
      <h2 id="national">Share with national viewers</h2>
      <p>
        National viewers (a government department or a national improvement body, made so by the administrator) see
        pooled figures across every area that shares nationally: how many areas are at each continuum stage, each
        component's median and spread, and the change across years, never from fewer than 5 areas. They can also look
        into this partnership's own published figures of closed rounds, for groups only, never below the round's
        threshold, never anyone's answers or comments.
      </p>
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
          <label htmlFor="national-share">Share with national viewers</label>
        </div>
        {national ? <p className="hint">Shared since {national.since}.</p> : null}
        <button type="submit" className="button" disabled={busy}>
          Save national sharing
        </button>
      </Form>

      <p>
        <Link to={`/partnerships/${partnership.id}`} className="back-link">
          Back to the partnership
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Share results with commissioners" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

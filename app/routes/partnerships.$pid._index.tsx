import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, type FieldErrors } from "../components/forms";
import { agencyType } from "../domain/framework";
import {
  INVITATION_DAYS,
  createAccessInvitation,
  listOpenInvitations,
  revokeAccessInvitation,
} from "../models/access-invitation.server";
import { audit, listAgencies, listMembers } from "../models/partnership.server";
import { setRetention } from "../models/retention.server";
import { listRounds } from "../models/round.server";
import { createTeam, listTeams } from "../models/team.server";
import { formatDateRange } from "../domain/dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, canLead, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const [teams, agencies, members, rounds, invitations] = await Promise.all([
    listTeams(db, partnership.id),
    listAgencies(db, partnership.id),
    listMembers(db, partnership.id),
    listRounds(db, partnership.id),
    canLead ? listOpenInvitations(db, { partnershipId: partnership.id, kind: "member" }) : [],
  ]);
  return {
    partnership,
    canLead,
    agencies,
    teams,
    members: canLead ? members : [],
    rounds,
    invitations: invitations.map((i) => ({
      id: i.id,
      role: i.role,
      note: i.note,
      createdByName: i.createdByName,
      expires: i.expiresAt.slice(0, 10),
    })),
  };
}

const RetentionSchema = z.object({
  intent: z.literal("retention"),
  months: z.enum(["", "6", "12", "24", "36", "60"], {
    errorMap: () => ({ message: "Choose how long to keep raw answers" }),
  }),
});

const InviteSchema = z.object({
  intent: z.literal("invite"),
  role: z.enum(["lead", "facilitator", "viewer"], { errorMap: () => ({ message: "Choose a role" }) }),
  note: z.string().trim().max(100, "Keep the note to 100 characters or fewer").default(""),
});

const TeamSchema = z.object({
  intent: z.literal("add_team"),
  agencyId: z.string().min(1, "Choose the organisation").max(64),
  teamName: z.string().trim().min(1, "Enter the team's name").max(80, "Keep the name to 80 characters or fewer"),
});

/** An organisation lead: sees one organisation's filtered report only (issue 18). */
const OrganisationInviteSchema = z.object({
  intent: z.literal("invite_organisation"),
  orgLeadAgency: z.string().min(1, "Choose the organisation").max(64),
  note: z.string().trim().max(100, "Keep the note to 100 characters or fewer").default(""),
});

const RevokeSchema = z.object({ intent: z.literal("revoke_invitation"), invitationId: z.string().min(1).max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "retention") {
    const retention = RetentionSchema.safeParse(form);
    if (!retention.success) return Response.json({ errors: fieldErrors(retention.error.issues) }, { status: 400 });
    const months = retention.data.months ? Number(retention.data.months) : null;
    await setRetention(db, { partnershipId: partnership.id, months });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      action: "partnership.retention_set",
      detail: months ? `${months} months` : "keep",
    });
    return Response.json({
      added: months
        ? `Raw answers of closed rounds will be deleted ${months} months after the round closes. Scores are kept.`
        : "Raw answers will be kept.",
    });
  }
  if (form.intent === "add_team") {
    const team = TeamSchema.safeParse(form);
    if (!team.success) return Response.json({ errors: fieldErrors(team.error.issues) }, { status: 400 });
    const created = await createTeam(db, {
      partnershipId: partnership.id,
      agencyId: team.data.agencyId,
      name: team.data.teamName,
    });
    if (created === null)
      return Response.json({ errors: { agencyId: "Choose one of the member agencies" } }, { status: 400 });
    if (created === "duplicate")
      return Response.json(
        { errors: { teamName: "That organisation already has a team of that name" } },
        { status: 400 },
      );
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      action: "team.created",
      detail: team.data.teamName,
    });
    return Response.json({
      added: `Team "${team.data.teamName}" added. Round pages can now make invitation links for it.`,
    });
  }
  if (form.intent === "invite_organisation") {
    const invite = OrganisationInviteSchema.safeParse(form);
    if (!invite.success) return Response.json({ errors: fieldErrors(invite.error.issues) }, { status: 400 });
    const agencies = await listAgencies(db, partnership.id);
    const agency = agencies.find((a) => a.id === invite.data.orgLeadAgency);
    if (!agency)
      return Response.json({ errors: { orgLeadAgency: "Choose one of the member agencies" } }, { status: 400 });
    const { token } = await createAccessInvitation(db, {
      partnershipId: partnership.id,
      kind: "organisation",
      role: null,
      agencyId: agency.id,
      note: invite.data.note,
      createdBy: user.id,
    });
    return Response.json({
      link: new URL(`/invite/${token}`, request.url).toString(),
      role: `the organisation lead of ${agency.name}`,
    });
  }
  if (form.intent === "revoke_invitation") {
    const revoke = RevokeSchema.safeParse(form);
    if (!revoke.success) throw new Response("That action is not recognised.", { status: 400 });
    if (
      !(await revokeAccessInvitation(db, {
        partnershipId: partnership.id,
        id: revoke.data.invitationId,
        revokedBy: user.id,
      }))
    ) {
      throw new Response("That invitation is not open: it was used, revoked or has expired.", { status: 404 });
    }
    return Response.json({ added: "The invitation link was revoked: it no longer works." });
  }
  const parsed = InviteSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    if (!errors.role && !errors.note) throw new Response("That action is not recognised.", { status: 400 });
    return Response.json({ errors }, { status: 400 });
  }
  const { token } = await createAccessInvitation(db, {
    partnershipId: partnership.id,
    kind: "member",
    role: parsed.data.role,
    note: parsed.data.note,
    createdBy: user.id,
  });
  return Response.json({ link: new URL(`/invite/${token}`, request.url).toString(), role: parsed.data.role });
}

export default function PartnershipPage() {
  const { partnership, canLead, agencies, teams, members, rounds, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors?: FieldErrors; added?: string; link?: string; role?: string }>();
  return (
    <div>
      <span className="caption">{partnership.local_authority}</span>
      <h1>{partnership.name}</h1>
      <h2>Assessment rounds</h2>
      {rounds.length === 0 ? (
        <p>No rounds yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Dates</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/partnerships/${partnership.id}/rounds/${r.id}`}>{r.name}</Link>
                </td>
                <td>{formatDateRange(r.opens_on, r.closes_on)}</td>
                <td>
                  <span className={`tag ${r.status === "open" ? "green" : "grey"}`}>{r.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canLead ? (
        <Link to={`/partnerships/${partnership.id}/rounds/new`} className="button">
          Open a new round
        </Link>
      ) : null}

      <h2>Member agencies</h2>
      <ul>
        {agencies.map((a) => (
          <li key={a.id}>
            {a.name} <span className="hint">({agencyType(a.agency_type).name})</span>
          </li>
        ))}
      </ul>
      <h3>Teams</h3>
      {teams.length ? (
        <ul data-testid="teams">
          {teams.map((t) => (
            <li key={t.id}>
              {t.name} <span className="hint">({t.agencyName})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>No teams yet. Teams are optional: the report can be filtered to an organisation without them.</p>
      )}
      {canLead ? (
        <Form method="post" noValidate className="inline-form">
          <input type="hidden" name="intent" value="add_team" />
          <div className="field">
            <label htmlFor="agencyId">Organisation</label>
            <select id="agencyId" name="agencyId" defaultValue="">
              <option value="">Choose…</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            {result?.errors?.agencyId ? <p className="error-message">{result.errors.agencyId}</p> : null}
          </div>
          <TextField name="teamName" label="Team name" error={result?.errors?.teamName} autoComplete="off" />
          <button type="submit" className="button secondary">
            Add team
          </button>
        </Form>
      ) : null}
      {canLead ? (
        <ul>
          <li>
            <Link to={`/partnerships/${partnership.id}/edit`}>Change the partnership's details or agencies</Link>
          </li>
          <li>
            <Link to={`/partnerships/${partnership.id}/audit`}>See the audit log</Link>
          </li>
          <li>
            <Link to={`/partnerships/${partnership.id}/sharing`}>Share results with a commissioner</Link>
          </li>
        </ul>
      ) : null}

      {canLead ? (
        <>
          <h2>People who run this partnership's assessments</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>{m.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Invite a lead, facilitator or viewer</h3>
          <p>
            Create a link, copy it and send it to the person. They sign in (or create an account) and accept it: the
            role goes to whoever accepts first, once. A link works for {INVITATION_DAYS} days, and you can revoke it
            until it is used.
          </p>
          {result?.added ? (
            <div className="notice" role="status">
              {result.added}
            </div>
          ) : null}
          {result?.link ? (
            <div className="notice" role="status">
              <p>Copy this link and send it to the person you are inviting as {result.role}. It is shown only once.</p>
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
          <ErrorSummary errors={result?.errors} order={["role", "note"]} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <fieldset className="field radios" id="role">
              <legend>Role</legend>
              <label>
                <input type="radio" name="role" value="lead" /> Lead: runs rounds, sees results, manages people
              </label>
              <label>
                <input type="radio" name="role" value="facilitator" /> Facilitator: runs workshops, sees results
              </label>
              <label>
                <input type="radio" name="role" value="viewer" /> Viewer: sees results
              </label>
              {result?.errors?.role ? <p className="error-message">{result.errors.role}</p> : null}
            </fieldset>
            <TextField
              name="note"
              label="Who it is for (optional)"
              hint="Only for you, to recognise the link in the list below."
              error={result?.errors?.note}
              autoComplete="off"
            />
            <button type="submit" className="button secondary">
              Create invitation link
            </button>
          </Form>
          <h3>Invite an organisation lead</h3>
          <p>
            An organisation lead sees only their own organisation's results (and its teams'), never the whole
            partnership's or another organisation's.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="invite_organisation" />
            <div className="field">
              <label htmlFor="orgLeadAgency">Organisation</label>
              <select id="orgLeadAgency" name="orgLeadAgency" defaultValue="">
                <option value="">Choose…</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              {result?.errors?.orgLeadAgency ? <p className="error-message">{result.errors.orgLeadAgency}</p> : null}
            </div>
            <button type="submit" className="button secondary">
              Create organisation lead link
            </button>
          </Form>
          <h3>Open invitations</h3>
          {invitations.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Role</th>
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
                    <td>{i.role}</td>
                    <td>{i.note || "–"}</td>
                    <td>{i.createdByName ?? "–"}</td>
                    <td>{i.expires}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke_invitation" />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="link-button">
                          Revoke
                          <span className="visually-hidden">
                            {" "}
                            the {i.role} invitation{i.note ? ` for ${i.note}` : ""}
                          </span>
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

          <h2>How long to keep raw answers</h2>
          <p>
            After a round closes, its individual answers and comments can be deleted after a set time. The round's
            scores are kept, so later reports can still compare with it.
          </p>
          <Form method="post" className="button-group">
            <input type="hidden" name="intent" value="retention" />
            <div className="field" style={{ margin: 0 }}>
              <label htmlFor="months">Delete raw answers</label>
              <select
                id="months"
                name="months"
                defaultValue={partnership.retention_months ? String(partnership.retention_months) : ""}
              >
                <option value="">Keep them</option>
                <option value="6">6 months after the round closes</option>
                <option value="12">12 months after the round closes</option>
                <option value="24">2 years after the round closes</option>
                <option value="36">3 years after the round closes</option>
                <option value="60">5 years after the round closes</option>
              </select>
            </div>
            <button type="submit" className="button secondary">
              Save
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.partnership.name ?? "Partnership" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

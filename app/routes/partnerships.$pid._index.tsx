import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import {
  ErrorSummary,
  RowAction,
  SelectField,
  TextField,
  fieldErrors,
  useServerText,
  type FieldErrors,
} from "../components/forms";
import { frameworkTerm } from "../domain/glossary";
import { translator } from "../domain/i18n";
import { langOf } from "../language.server";
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
import { formatDate, formatDateRange } from "../domain/dates";

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
    // From a .server module: the browser gets it from here, so both render the same number.
    invitationDays: INVITATION_DAYS,
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
  const lang = await langOf(request);
  const t = translator(lang, "staff");
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
      added: months ? t("p.retentionSet", { months }) : t("p.retentionKeep"),
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
      added: t("p.teamAdded", { team: team.data.teamName }),
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
      role: t("p.orgLeadOf", { organisation: agency.name }),
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
    return Response.json({ added: t("p.revoked") });
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
  return Response.json({
    link: new URL(`/invite/${token}`, request.url).toString(),
    role: translator(lang, "account")(`role.${parsed.data.role}`),
  });
}

export default function PartnershipPage() {
  const { partnership, canLead, agencies, teams, members, rounds, invitations, invitationDays } =
    useLoaderData<typeof loader>();
  const result = useActionData<{ errors?: FieldErrors; added?: string; link?: string; role?: string }>();
  const { t, lang } = useT("staff");
  const serverText = useServerText();
  const ta = useT("account").t;
  const roleName = (role: string) => ta(`role.${role}`);
  const organisationOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  return (
    <div>
      <span className="caption">{partnership.local_authority}</span>
      <h1>{partnership.name}</h1>
      <h2>{t("p.rounds")}</h2>
      {rounds.length === 0 ? (
        <p>{t("p.noRounds")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("p.round")}</th>
              <th scope="col">{t("p.dates")}</th>
              <th scope="col">{t("p.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/partnerships/${partnership.id}/rounds/${r.id}`}>{r.name}</Link>
                </td>
                <td>{formatDateRange(r.opens_on, r.closes_on, lang)}</td>
                <td>
                  <span className={`tag ${r.status === "open" ? "green" : "grey"}`}>{t(`status.${r.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canLead ? (
        <Link to={`/partnerships/${partnership.id}/rounds/new`} className="button">
          {t("p.newRound")}
        </Link>
      ) : null}

      <h2>{t("p.agencies")}</h2>
      <ul>
        {agencies.map((a) => (
          <li key={a.id}>
            {a.name} <span className="hint">({frameworkTerm("agency_type", a.agency_type, lang)})</span>
          </li>
        ))}
      </ul>
      <h3>{t("p.teams")}</h3>
      {teams.length ? (
        <ul data-testid="teams">
          {teams.map((t) => (
            <li key={t.id}>
              {t.name} <span className="hint">({t.agencyName})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("p.noTeams")}</p>
      )}
      {canLead ? (
        <Form method="post" noValidate className="inline-form">
          <input type="hidden" name="intent" value="add_team" />
          <SelectField
            name="agencyId"
            label={t("p.organisation")}
            placeholder={t("p.choose")}
            options={organisationOptions}
            error={result?.errors?.agencyId}
          />
          <TextField name="teamName" label={t("p.teamName")} error={result?.errors?.teamName} autoComplete="off" />
          <button type="submit" className="button secondary">
            {t("p.addTeam")}
          </button>
        </Form>
      ) : null}
      {canLead ? (
        <ul>
          <li>
            <Link to={`/partnerships/${partnership.id}/edit`}>{t("p.edit")}</Link>
          </li>
          <li>
            <Link to={`/partnerships/${partnership.id}/audit`}>{t("p.audit")}</Link>
          </li>
          <li>
            <Link to={`/partnerships/${partnership.id}/sharing`}>{t("p.sharing")}</Link>
          </li>
        </ul>
      ) : null}

      {canLead ? (
        <>
          <h2>{t("p.people")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("p.name")}</th>
                <th scope="col">{t("p.email")}</th>
                <th scope="col">{t("p.role")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>{roleName(m.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("p.invite")}</h3>
          <p>{t("p.inviteIntro", { days: invitationDays })}</p>
          {result?.added ? (
            <div className="notice" role="status">
              {result.added}
            </div>
          ) : null}
          {result?.link ? (
            <div className="notice" role="status">
              <p>{t("p.copyLink", { role: result.role })}</p>
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
          <ErrorSummary errors={result?.errors} order={["role", "note"]} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <fieldset className="field radios" id="role">
              <legend>{t("p.role")}</legend>
              <label>
                <input type="radio" name="role" value="lead" /> {t("p.roleLead")}
              </label>
              <label>
                <input type="radio" name="role" value="facilitator" /> {t("p.roleFacilitator")}
              </label>
              <label>
                <input type="radio" name="role" value="viewer" /> {t("p.roleViewer")}
              </label>
              {result?.errors?.role ? <p className="error-message">{serverText(result.errors.role)}</p> : null}
            </fieldset>
            <TextField
              name="note"
              label={t("p.note")}
              hint={t("p.noteHint")}
              error={result?.errors?.note}
              autoComplete="off"
            />
            <button type="submit" className="button secondary">
              {t("p.createInvitation")}
            </button>
          </Form>
          <h3>{t("p.inviteOrg")}</h3>
          <p>{t("p.inviteOrgIntro")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="invite_organisation" />
            <SelectField
              name="orgLeadAgency"
              label={t("p.organisation")}
              placeholder={t("p.choose")}
              options={organisationOptions}
              error={result?.errors?.orgLeadAgency}
            />
            <button type="submit" className="button secondary">
              {t("p.createOrgInvitation")}
            </button>
          </Form>
          <h3>{t("p.openInvitations")}</h3>
          {invitations.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("p.role")}</th>
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
                    <td>{i.role ? roleName(i.role) : "–"}</td>
                    <td>{i.note || "–"}</td>
                    <td>{i.createdByName ?? "–"}</td>
                    <td>{formatDate(i.expires, lang)}</td>
                    <td>
                      <RowAction
                        intent="revoke_invitation"
                        fields={{ invitationId: i.id }}
                        label={t("p.revoke")}
                        which={
                          t("p.revokeWhich", { role: i.role ? roleName(i.role) : "" }) +
                          (i.note ? t("p.revokeFor", { note: i.note }) : "")
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("p.noInvitations")}</p>
          )}

          <h2>{t("p.retention")}</h2>
          <p>{t("p.retentionIntro")}</p>
          <Form method="post" className="button-group">
            <input type="hidden" name="intent" value="retention" />
            <SelectField
              name="months"
              label={t("p.deleteRaw")}
              placeholder={t("p.keep")}
              options={(["6", "12", "24", "36", "60"] as const).map((m) => ({ value: m, label: t(`p.after${m}`) }))}
              defaultValue={partnership.retention_months ? String(partnership.retention_months) : ""}
              compact
            />
            <button type="submit" className="button secondary">
              {t("p.save")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.partnership.name ?? metaT(matches, "staff")("p.meta") },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

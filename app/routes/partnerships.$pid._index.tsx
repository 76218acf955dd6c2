import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, type FieldErrors } from "../components/forms";
import { agencyType } from "../domain/framework";
import { audit, listAgencies, listMembers, setMemberRole } from "../models/partnership.server";
import { setRetention } from "../models/retention.server";
import { listRounds } from "../models/round.server";
import { formatDateRange } from "../domain/dates";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, canLead, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const [agencies, members, rounds] = await Promise.all([listAgencies(db, partnership.id), listMembers(db, partnership.id), listRounds(db, partnership.id)]);
  return { partnership, canLead, agencies, members: canLead ? members : [], rounds };
}

const RetentionSchema = z.object({
  intent: z.literal("retention"),
  months: z.enum(["", "6", "12", "24", "36", "60"], { errorMap: () => ({ message: "Choose how long to keep raw answers" }) }),
});

const AddMemberSchema = z.object({
  intent: z.literal("add_member").optional(),
  email: z.string().trim().toLowerCase().min(1, "Enter the person's email address").email("Enter an email address in the correct format, like name@example.org"),
  role: z.enum(["lead", "facilitator", "viewer"], { errorMap: () => ({ message: "Choose a role" }) }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "retention") {
    const retention = RetentionSchema.safeParse(form);
    if (!retention.success) return Response.json({ errors: fieldErrors(retention.error.issues) }, { status: 400 });
    const months = retention.data.months ? Number(retention.data.months) : null;
    await setRetention(db, { partnershipId: partnership.id, months });
    await audit(db, { userId: user.id, partnershipId: partnership.id, action: "partnership.retention_set", detail: months ? `${months} months` : "keep" });
    return Response.json({ added: months ? `Raw answers of closed rounds will be deleted ${months} months after the round closes. Scores are kept.` : "Raw answers will be kept." });
  }
  const parsed = AddMemberSchema.safeParse(form);
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const member = await db.selectFrom("users").select(["id", "name"]).where("email", "=", parsed.data.email).executeTakeFirst();
  if (!member) {
    return Response.json({ errors: { email: "No account uses this email address. Ask the person to create an account first, then add them." } }, { status: 400 });
  }
  await setMemberRole(db, { partnershipId: partnership.id, userId: member.id, role: parsed.data.role });
  await audit(db, { userId: user.id, partnershipId: partnership.id, action: "member.role_set", detail: `${parsed.data.email}: ${parsed.data.role}` });
  return Response.json({ added: `${member.name} is now a ${parsed.data.role}.` });
}

export default function PartnershipPage() {
  const { partnership, canLead, agencies, members, rounds } = useLoaderData<typeof loader>();
  const result = useActionData<{ errors?: FieldErrors; added?: string }>();
  return (
    <div>
      <span className="caption">{partnership.local_authority}</span>
      <h1>{partnership.name}</h1>
      <h2>Assessment rounds</h2>
      {rounds.length === 0 ? <p>No rounds yet.</p> : (
        <table>
          <thead><tr><th scope="col">Round</th><th scope="col">Dates</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td><Link to={`/partnerships/${partnership.id}/rounds/${r.id}`}>{r.name}</Link></td>
                <td>{formatDateRange(r.opens_on, r.closes_on)}</td>
                <td><span className={`tag ${r.status === "open" ? "green" : "grey"}`}>{r.status}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canLead ? <Link to={`/partnerships/${partnership.id}/rounds/new`} className="button">Open a new round</Link> : null}

      <h2>Member agencies</h2>
      <ul>
        {agencies.map((a) => <li key={a.id}>{a.name} <span className="hint">({agencyType(a.agency_type).name})</span></li>)}
      </ul>
      {canLead ? (
        <ul>
          <li><Link to={`/partnerships/${partnership.id}/edit`}>Change the partnership's details or agencies</Link></li>
          <li><Link to={`/partnerships/${partnership.id}/audit`}>See the audit log</Link></li>
          <li><Link to={`/partnerships/${partnership.id}/sharing`}>Share results with a commissioner</Link></li>
        </ul>
      ) : null}

      {canLead ? (
        <>
          <h2>People who run this partnership's assessments</h2>
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th></tr></thead>
            <tbody>
              {members.map((m) => <tr key={m.id}><td>{m.name}</td><td>{m.email}</td><td>{m.role}</td></tr>)}
            </tbody>
          </table>
          <h3>Add a lead, facilitator or viewer</h3>
          {result?.added ? <div className="notice" role="status">{result.added}</div> : null}
          <ErrorSummary errors={result?.errors} order={["email", "role"]} />
          <Form method="post" noValidate>
            <TextField name="email" label="Their email address" type="email" hint="They need an account first." error={result?.errors?.email} />
            <fieldset className="field radios" id="role">
              <legend>Role</legend>
              <label><input type="radio" name="role" value="lead" /> Lead: runs rounds, sees results, manages people</label>
              <label><input type="radio" name="role" value="facilitator" /> Facilitator: runs workshops, sees results</label>
              <label><input type="radio" name="role" value="viewer" /> Viewer: sees results</label>
              {result?.errors?.role ? <p className="error-message">{result.errors.role}</p> : null}
            </fieldset>
            <button type="submit" className="button secondary">Add person</button>
          </Form>

          <h2>How long to keep raw answers</h2>
          <p>
            After a round closes, its individual answers and comments can be deleted after a set time. The round's scores are
            kept, so later reports can still compare with it.
          </p>
          <Form method="post" className="button-group">
            <input type="hidden" name="intent" value="retention" />
            <div className="field" style={{ margin: 0 }}>
              <label htmlFor="months">Delete raw answers</label>
              <select id="months" name="months" defaultValue={partnership.retention_months ? String(partnership.retention_months) : ""}>
                <option value="">Keep them</option>
                <option value="6">6 months after the round closes</option>
                <option value="12">12 months after the round closes</option>
                <option value="24">2 years after the round closes</option>
                <option value="36">3 years after the round closes</option>
                <option value="60">5 years after the round closes</option>
              </select>
            </div>
            <button type="submit" className="button secondary">Save</button>
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

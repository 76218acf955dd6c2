import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors } from "../components/forms";
import { findUserByEmail, grantCommissioner, listCommissionerGrants, revokeCommissioner } from "../models/commissioner.server";
import { audit } from "../models/partnership.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const grants = await listCommissionerGrants(db, { partnershipId: partnership.id });
  return {
    partnership: { id: partnership.id, name: partnership.name },
    grants: grants.map((g) => ({ userId: g.userId, email: g.email, name: g.name, since: g.createdAt.slice(0, 10) })),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("grant"),
    email: z.string().trim().toLowerCase().min(1, "Enter the commissioner's email address").email("Enter an email address in the correct format, like name@example.org"),
  }),
  z.object({ intent: z.literal("revoke"), userId: z.string().min(1).max(64) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    if (!errors.email) throw new Response("That action is not recognised.", { status: 400 });
    return Response.json({ errors: { email: errors.email }, done: null }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "grant") {
    const commissioner = await findUserByEmail(db, input.email);
    if (!commissioner) {
      return Response.json({ errors: { email: "There is no account with that email address. Ask the commissioner to create one first" }, done: null }, { status: 400 });
    }
    const added = await grantCommissioner(db, { partnershipId: partnership.id, userId: commissioner.id, grantedBy: user.id });
    if (added) await audit(db, { userId: user.id, partnershipId: partnership.id, action: "commissioner.granted", detail: commissioner.email });
    return { errors: null, done: added ? `Results are now shared with ${commissioner.email}.` : `Results were already shared with ${commissioner.email}.` };
  }
  const grant = (await listCommissionerGrants(db, { partnershipId: partnership.id })).find((g) => g.userId === input.userId);
  if (!grant) throw new Response("That commissioner does not have access.", { status: 404 });
  await revokeCommissioner(db, { partnershipId: partnership.id, userId: input.userId });
  await audit(db, { userId: user.id, partnershipId: partnership.id, action: "commissioner.revoked", detail: grant.email });
  return { errors: null, done: `Results are no longer shared with ${grant.email}.` };
}

export default function SharingPage() {
  const { partnership, grants } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div>
      <ErrorSummary errors={result?.errors ?? undefined} />
      <span className="caption">{partnership.name}</span>
      <h1>Share results with commissioners</h1>
      {result?.done ? <p className="notice" role="status">{result.done}</p> : null}
      <p>A commissioner you share with can compare this partnership with other areas, side by side and over time, and download those figures. They see:</p>
      <ul>
        <li>component scores, the component by level matrix and the continuum stage of <strong>closed</strong> rounds;</li>
        <li>figures for groups only, never for a group smaller than the round's threshold;</li>
        <li>never anyone's individual answers, and never the comments.</li>
      </ul>
      <p>Sharing also counts this partnership in the benchmark (the median and range across every area that shares), which commissioners see once at least 5 areas share. You can stop sharing at any time.</p>

      <h2>Shared with</h2>
      {grants.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: commissioners with access">
          <table>
            <thead><tr><th scope="col">Commissioner</th><th scope="col">Email</th><th scope="col">Since</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
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
                      <button type="submit" className="link-button" disabled={busy}>Stop sharing<span className="visually-hidden"> with {g.email}</span></button>
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
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="grant" />
        <TextField name="email" type="email" label="Commissioner's email address" hint="They need an account on this service." error={result?.errors?.email} autoComplete="off" />
        <button type="submit" className="button" disabled={busy}>Share results</button>
      </Form>
      <p><Link to={`/partnerships/${partnership.id}`} className="back-link">Back to the partnership</Link></p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Share results with commissioners" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

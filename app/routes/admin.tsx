import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { newId, randomToken, requireAdmin, sha256 } from "../auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { getDb, now } from "../db.server";
import { audit } from "../models/partnership.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const db = await getDb();
  const users = await db.selectFrom("users").select(["id", "name", "email", "is_admin", "created_at"]).orderBy("created_at").execute();
  return { users };
}

const ResetSchema = z.object({ intent: z.literal("reset"), userId: z.string().min(1).max(64) });
const RESET_HOURS = 24;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const parsed = ResetSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("That action is not recognised.", { status: 400 });
  const db = await getDb();
  const user = await db.selectFrom("users").select(["id", "email"]).where("id", "=", parsed.data.userId).executeTakeFirst();
  if (!user) throw new Response("User not found.", { status: 404 });
  const token = randomToken();
  await db
    .insertInto("password_resets")
    .values({ id: sha256(token), user_id: user.id, created_at: now(), expires_at: new Date(Date.now() + RESET_HOURS * 3600_000).toISOString(), used_at: null })
    .execute();
  await audit(db, { userId: admin.id, action: "user.reset_link_issued", detail: user.email });
  const link = new URL(`/reset-password/${token}`, request.url).toString();
  // Works without an email server: the administrator passes the link on; it is also in the server log.
  console.log(`Password reset link for ${user.email} (valid ${RESET_HOURS} hours): ${link}`);
  return { link, email: user.email };
}

export default function Admin() {
  const { users } = useLoaderData<typeof loader>();
  const issued = useActionData<typeof action>();
  return (
    <div>
      <h1>Administration</h1>
      {issued ? (
        <div className="notice" role="status">
          <p>Give this one-time link to {issued.email}. It works once, for 24 hours.</p>
          <div className="copy-field">
            <label htmlFor="reset-link" className="visually-hidden">Reset link</label>
            <input id="reset-link" readOnly value={issued.link} />
          </div>
        </div>
      ) : null}
      <h2>Accounts</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: scroll sideways to see every column">
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.is_admin ? "Administrator" : "User"}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset" />
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" className="link-button">Issue a password reset link<span className="visually-hidden"> for {u.email}</span></button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Administration" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

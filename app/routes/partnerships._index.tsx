import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth.server";
import { getDb } from "../db.server";
import { listPartnershipsForUser } from "../models/partnership.server";
import { organisationViewsForUser } from "../models/team.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  return {
    user: { name: user.name, isAdmin: user.is_admin === 1 },
    partnerships: await listPartnershipsForUser(db, user.id),
    // Organisation leads (issue 18): their organisation's filtered reports, and nothing else.
    organisations: await organisationViewsForUser(db, user.id),
  };
}

const ROLE_NAMES = { lead: "Lead", facilitator: "Facilitator", viewer: "Viewer" } as const;

export default function Partnerships() {
  const { user, partnerships, organisations } = useLoaderData<typeof loader>();
  return (
    <div>
      <span className="caption">Signed in as {user.name}</span>
      <h1>Your partnerships</h1>
      {partnerships.length === 0 ? (
        <p>You are not part of a partnership yet. Create one, or ask a partnership lead to add you.</p>
      ) : (
        <ul className="cards">
          {partnerships.map((p) => (
            <li key={p.id} className="card">
              <h2 style={{ marginTop: 0, fontSize: "1.3rem" }}>
                <Link to={`/partnerships/${p.id}`}>{p.name}</Link>
              </h2>
              <p className="hint">{p.local_authority}</p>
              <span className="tag">{ROLE_NAMES[p.role]}</span>
            </li>
          ))}
        </ul>
      )}
      {organisations.length ? (
        <>
          <h2>Your organisation's results</h2>
          {organisations.map((o) => (
            <section key={o.partnershipId} className="card">
              <h3 style={{ marginTop: 0 }}>
                {o.agencyName} <span className="hint">in {o.partnershipName}</span>
              </h3>
              {o.rounds.length ? (
                <ul>
                  {o.rounds.map((r) => (
                    <li key={r.id}>
                      <Link to={`/partnerships/${o.partnershipId}/rounds/${r.id}/results?org=${o.agencyId}`}>
                        {r.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>No results have been published yet.</p>
              )}
            </section>
          ))}
        </>
      ) : null}
      <div className="button-group">
        <Link to="/partnerships/new" className="button">
          Create a partnership
        </Link>
        {user.isAdmin ? (
          <Link to="/admin" className="button secondary">
            Administration
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Your partnerships" }];

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
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

export default function Partnerships() {
  const { user, partnerships, organisations } = useLoaderData<typeof loader>();
  const { t } = useT("staff");
  return (
    <div>
      <span className="caption">{t("list.signedInAs", { name: user.name })}</span>
      <h1>{t("list.title")}</h1>
      {partnerships.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="cards">
          {partnerships.map((p) => (
            <li key={p.id} className="card">
              <h2 style={{ marginTop: 0, fontSize: "1.3rem" }}>
                <Link to={`/partnerships/${p.id}`}>{p.name}</Link>
              </h2>
              <p className="hint">{p.local_authority}</p>
              <span className="tag">{t(`role.${p.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {organisations.length ? (
        <>
          <h2>{t("list.organisations")}</h2>
          {organisations.map((o) => (
            <section key={o.partnershipId} className="card">
              <h3 style={{ marginTop: 0 }}>
                {o.agencyName} <span className="hint">{t("list.in", { partnership: o.partnershipName })}</span>
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
                <p>{t("list.noResults")}</p>
              )}
            </section>
          ))}
        </>
      ) : null}
      <div className="button-group">
        <Link to="/partnerships/new" className="button">
          {t("list.create")}
        </Link>
        {user.isAdmin ? (
          <Link to="/admin" className="button secondary">
            {t("list.admin")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "staff")("list.title") }];

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { formatDate } from "../domain/dates";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { listAudit } from "../models/partnership.server";

/** Who did what to this partnership and its rounds: for its leads and the administrator. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const entries = await listAudit(db, { partnershipId: partnership.id, limit: 500 });
  return { partnership: { id: partnership.id, name: partnership.name }, entries };
}

export default function AuditLog() {
  const { partnership, entries } = useLoaderData<typeof loader>();
  const { t, lang } = useT("staff");
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>{t("au.title")}</h1>
      <p>{t("au.intro")}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("r.scroll")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("au.when")}</th>
              <th scope="col">{t("au.who")}</th>
              <th scope="col">{t("au.what")}</th>
              <th scope="col">{t("au.round")}</th>
              <th scope="col">{t("au.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{`${formatDate(e.at, lang)} ${e.at.slice(11, 19)}`}</td>
                <td>{e.userName ?? "—"}</td>
                <td>
                  {/* The action's code ("round.opened"): a machine name, the same in every language. */}
                  <code lang="en">{e.action}</code>
                </td>
                <td>{e.roundName ?? ""}</td>
                <td>{e.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "staff")("au.title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

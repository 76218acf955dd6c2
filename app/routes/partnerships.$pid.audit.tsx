import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
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
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>Audit log</h1>
      <p>The last 500 things people did to this partnership and its rounds.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: scroll sideways to see every column">
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Round</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace("T", " ").slice(0, 19)}</td>
                <td>{e.userName ?? "—"}</td>
                <td>{e.action}</td>
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

export const meta: MetaFunction = () => [{ title: "Audit log" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

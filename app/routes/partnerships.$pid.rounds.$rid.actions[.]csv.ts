import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipRole } from "../access/partnership.server";
import { citation, entriesByKey } from "../domain/evidence";
import { ACTION_PLAN_EXPORT_COLUMNS, actionPlanExportRows } from "../domain/exports/action-plan-export";
import { toCsv, wantsExcel } from "../domain/exports/csv";
import { langOf } from "../language.server";
import { listActionItems } from "../models/action-plan.server";
import { EVIDENCE, fileSlug } from "../models/report.server";
import { getRound } from "../models/round.server";

/** The round's action plan as CSV, for every member (as the plan's page); `?excel=1` adds a byte-order mark. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const entries = entriesByKey(EVIDENCE);
  const items = (await listActionItems(db, { partnershipId: partnership.id, roundId: round.id })).map((item) => {
    const entry = item.evidence_key ? entries.get(item.evidence_key) : undefined;
    return { ...item, citations: entry ? [...new Set(entry.sources.map((s) => citation(EVIDENCE, s)))] : [] };
  });
  const csv = toCsv(ACTION_PLAN_EXPORT_COLUMNS, actionPlanExportRows(round.name, items, await langOf(request)), {
    excel: wantsExcel(new URL(request.url)),
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileSlug(round.name)}-action-plan.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipRole } from "../access/partnership.server";
import { toCsv, wantsExcel } from "../domain/exports/csv";
import { SCORE_EXPORT_COLUMNS, scoreExportRows } from "../domain/exports/score-export";
import { langOf } from "../language.server";
import { audit } from "../models/partnership.server";
import { fileSlug, roundReport } from "../models/report.server";

/** Component scores by group, as on the results page: hidden cells written "c", no data "x"; labels in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const report = await roundReport(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!report) throw new Response("Round not found.", { status: 404 });
  if (report.result.status !== "ok") {
    return new Response(report.result.reason, {
      status: 409,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const rows = scoreExportRows(report.round.name, report.result, await langOf(request));
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    roundId: report.round.id,
    action: "export.scores_csv",
    detail: `${rows.length} rows`,
  });
  return new Response(toCsv(SCORE_EXPORT_COLUMNS, rows, { excel: wantsExcel(new URL(request.url)) }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileSlug(report.round.name)}-scores.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

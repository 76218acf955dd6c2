import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipRole } from "../access/partnership.server";
import { exportedQuestions } from "../domain/exports/answer-export";
import { exportBundleZip } from "../domain/exports/bundle";
import { wantsExcel } from "../domain/exports/csv";
import { scoreExportRows } from "../domain/exports/score-export";
import { translator } from "../domain/i18n";
import type { Lang } from "../domain/language";
import { langOf } from "../language.server";
import { audit } from "../models/partnership.server";
import { allMarkers, allScoredItems, exportLabels } from "../models/questionnaire.server";
import { fileSlug, roundAnswerExport, roundReport } from "../models/report.server";

/** Why answers.csv is left out, in the reader's language (the model's reasons are English). */
function leftOutReason(reason: string | null, lang: Lang): string {
  const t = translator(lang, "exports");
  if (reason === null) return t("leftOut.leadsOnly");
  if (reason.startsWith("The raw answers of this round were deleted")) return t("leftOut.retention");
  if (reason.startsWith("No results have been published")) return t("leftOut.unpublished");
  return reason;
}

/**
 * The round's data in one zip: answers.csv (leads only, under the answers export's rules),
 * scores.csv, codebook.csv and README.txt. `?excel=1` writes the CSV files with a byte-order
 * mark for Excel. Nothing is in it that the single downloads leave out.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, partnership, canLead, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const lang = await langOf(request);
  const report = await roundReport(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!report) throw new Response("Round not found.", { status: 404 });
  if (report.result.status !== "ok") {
    return new Response(report.result.reason, {
      status: 409,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const exported = canLead
    ? await roundAnswerExport(db, { partnershipId: partnership.id, roundId: report.round.id, lang })
    : null;
  const answers =
    exported?.status === "ok"
      ? { status: "ok" as const, rows: exported.rows }
      : {
          status: "left_out" as const,
          reason: leftOutReason(exported ? exported.reason : null, lang),
        };
  const excel = wantsExcel(new URL(request.url));
  const zip = exportBundleZip({
    partnership: partnership.name,
    round: report.round.name,
    threshold: report.round.suppression_threshold,
    generatedAt: new Date().toISOString(),
    answers,
    scores: scoreExportRows(report.round.name, report.result, lang),
    labels: exportLabels(lang),
    questionKeys: exportedQuestions(allScoredItems(), allMarkers()).map((q) => q.key),
    excel,
    lang,
  });
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    roundId: report.round.id,
    action: "export.data_zip",
    detail: `${answers.status === "ok" ? `${answers.rows.length} answer rows` : "no answers"}${excel ? "; excel" : ""}`,
  });
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileSlug(report.round.name)}-data${excel ? "-excel" : ""}.zip"`,
      "Cache-Control": "no-store",
    },
  });
}

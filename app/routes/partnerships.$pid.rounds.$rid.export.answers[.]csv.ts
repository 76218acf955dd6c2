import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipRole } from "../access/partnership.server";
import { ANSWER_EXPORT_COLUMNS } from "../domain/exports/answer-export";
import { toCsv, wantsExcel } from "../domain/exports/csv";
import { langOf } from "../language.server";
import { audit } from "../models/partnership.server";
import { fileSlug, roundAnswerExport } from "../models/report.server";

/**
 * Anonymised answers in long format, for leads only: one row per answer under a random id
 * made for this download (see app/domain/exports/answer-export.ts for what is left out and why).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const exported = await roundAnswerExport(db, {
    partnershipId: partnership.id,
    roundId: params.rid!,
    lang: await langOf(request),
  });
  if (!exported) throw new Response("Round not found.", { status: 404 });
  if (exported.status !== "ok") {
    return new Response(exported.reason, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    roundId: exported.round.id,
    action: "export.answers_csv",
    detail: `${exported.rows.length} rows`,
  });
  return new Response(toCsv(ANSWER_EXPORT_COLUMNS, exported.rows, { excel: wantsExcel(new URL(request.url)) }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileSlug(exported.round.name)}-answers.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

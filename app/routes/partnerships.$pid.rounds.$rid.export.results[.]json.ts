import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipRole } from "../access/partnership.server";
import { exportLabelsJson } from "../domain/exports/results-labels";
import { langOf } from "../language.server";
import { audit } from "../models/partnership.server";
import { fileSlug, roundReport } from "../models/report.server";

/** The full scoring result of the round, as the scoring module publishes it (small numbers already hidden). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const report = await roundReport(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!report) throw new Response("Round not found.", { status: 404 });
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    roundId: report.round.id,
    action: "export.results_json",
  });
  const body = {
    partnership: { name: partnership.name, area: partnership.area },
    round: {
      name: report.round.name,
      opensOn: report.round.opens_on,
      closesOn: report.round.closes_on,
      suppressionThreshold: report.round.suppression_threshold,
    },
    generatedAt: new Date().toISOString(),
    source: report.source,
    // The names of every key in the result, in the reader's language (the result's own are English).
    labels: exportLabelsJson(await langOf(request)),
    result: report.result,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileSlug(report.round.name)}-results.json"`,
      "Cache-Control": "no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadComparison } from "../access/commissioner.server";
import { comparisonExportRows, COMPARISON_EXPORT_COLUMNS, comparisonJson } from "../domain/exports/comparison-export";
import { toCsv, wantsExcel } from "../domain/exports/csv";
import { audit } from "../models/partnership.server";

/**
 * The comparison as a file, under the page's rules and from the page's query string: the same
 * shared areas only (404 otherwise), the same figures (hidden ones written "c", no data "x",
 * with the reason in the JSON), no individual response and no free text.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const format = params.format;
  if (format !== "csv" && format !== "json") throw new Response("Not found.", { status: 404 });
  const { user, db, comparison, query } = await loadComparison(request);
  if (!comparison)
    return new Response("Choose at least one area to compare.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  await audit(db, {
    userId: user.id,
    action: `export.comparison_${format}`,
    detail: `${comparison.areas.length} areas; filter ${query.filter.kind === "all" ? "all" : `${query.filter.kind}:${query.filter.key}`}`,
  });
  const date = new Date().toISOString().slice(0, 10);
  if (format === "json") {
    return new Response(JSON.stringify(comparisonJson(comparison), null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="comparison-${date}.json"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(
    toCsv(COMPARISON_EXPORT_COLUMNS, comparisonExportRows(comparison), { excel: wantsExcel(new URL(request.url)) }),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="comparison-${date}.csv"`,
        "Cache-Control": "no-store",
      },
    },
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryCsv } from "../domain/exports/workshop-export";
import { langOf } from "../language.server";
import { requireWorkshopSummary } from "../access/workshop.server";

/** The session summary as one CSV table (`c` where a figure is suppressed, `z` not applicable). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const summary = await requireWorkshopSummary(request, params);
  // A byte-order mark so that Excel reads the text as UTF-8.
  return new Response(`\uFEFF${summaryCsv(summary, await langOf(request))}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="workshop-${summary.workshop.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

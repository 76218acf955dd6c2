import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkshopSummary } from "../access/workshop.server";

/** The session summary as JSON: spreads already suppressed below the round's threshold. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const summary = await requireWorkshopSummary(request, params);
  return new Response(JSON.stringify(summary, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="workshop-${summary.workshop.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}

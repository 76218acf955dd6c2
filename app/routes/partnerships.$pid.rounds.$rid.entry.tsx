import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT, useLang, useT } from "../components/i18n";
import { lazy, Suspense } from "react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { STAFF_ENTRY_MODES } from "../domain/entry-modes";
import { newId } from "../crypto.server";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { getRound } from "../models/round.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];

const ChoiceSchema = z.object({
  kind: z.enum(["professional", "family"]),
  mode: z.enum(STAFF_ENTRY_MODES),
});
const EnteredSchema = z.object({ entered: z.enum(STAFF_ENTRY_MODES) });

/**
 * Entering a paper or assisted response (issue 24): the lead or facilitator chooses the
 * questionnaire and the mode, then goes through the same questionnaire a respondent sees. The
 * answers are stored as a new response marked with its mode and nothing about who entered it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "facilitator");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const base = `/partnerships/${partnership.id}/rounds/${round.id}`;
  const common = {
    partnership: { id: partnership.id, name: partnership.name },
    round: { id: round.id, name: round.name, status: round.status, includeFamily: round.include_family === 1 },
    base,
    entered: EnteredSchema.safeParse(search).data?.entered ?? null,
  };
  const choice = ChoiceSchema.safeParse(search);
  if (!choice.success || round.status !== "open" || (choice.data.kind === "family" && !round.include_family)) {
    return { ...common, entry: null };
  }
  const { kind, mode } = choice.data;
  const query = new URLSearchParams({ kind, mode }).toString();
  return {
    ...common,
    entry: {
      kind,
      mode,
      // Device copy of the answers being entered, apart from any respondent's.
      storageKey: `entry-${round.id}-${kind}-${mode}`,
      endpoint: `/api/partnerships/${partnership.id}/rounds/${round.id}/entries?${query}`,
      doneUrl: `${base}/entry?entered=${mode}`,
      questionnaire: questionnaireFor(round, await listAgencies(db, partnership.id), kind),
      // A new runner for every form entered.
      key: newId(),
    },
  };
}

const loadRunner = () => import("../components/survey-runner.client");
const SurveyRunner = lazy(() => loadRunner().then((m) => ({ default: m.SurveyRunner })));

export default function EntryPage() {
  const data = useLoaderData<typeof loader>();
  const lang = useLang();
  const { t } = useT("staff");
  const { round, partnership, base, entry } = data;
  if (entry) {
    return (
      <div>
        <span className="caption">
          {partnership.name}: {round.name}
        </span>
        <p className="survey-name">
          {entry.kind === "family" ? t("e.enteringFamily") : t("e.enteringProfessional")}{" "}
          {t(`mode.${entry.mode}`).toLowerCase()}
        </p>
        <p className="hint">
          {entry.mode === "paper" ? t("e.hintPaper") : t("e.hintAssisted")} {t("e.counted")}
        </p>
        <ClientOnly fallback={<p>{t("e.loading")}</p>}>
          {() => (
            <Suspense fallback={<p>{t("e.loading")}</p>}>
              <SurveyRunner
                key={entry.key}
                token={entry.storageKey}
                json={entry.questionnaire}
                saved={null}
                entry={{ endpoint: entry.endpoint, doneUrl: entry.doneUrl }}
                lang={lang}
              />
            </Suspense>
          )}
        </ClientOnly>
      </div>
    );
  }
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>{t("e.title")}</h1>
      {data.entered ? (
        <div className="notice" role="status">
          <p>{t("e.entered", { mode: t(`mode.${data.entered}`).toLowerCase() })}</p>
        </div>
      ) : null}
      {round.status !== "open" ? (
        <p>{t("e.closed")}</p>
      ) : (
        <>
          <p>{t("e.intro", { round: round.name })}</p>
          <form method="get">
            <fieldset className="field radios">
              <legend>{t("e.which")}</legend>
              <label>
                <input type="radio" name="kind" value="professional" required /> {t("e.professional")}
              </label>
              {round.includeFamily ? (
                <label>
                  <input type="radio" name="kind" value="family" /> {t("e.family")}
                </label>
              ) : null}
            </fieldset>
            <fieldset className="field radios">
              <legend>{t("e.how")}</legend>
              <label>
                <input type="radio" name="mode" value="paper" required /> {t("e.paper")}
              </label>
              <label>
                <input type="radio" name="mode" value="assisted" /> {t("e.assisted")}
              </label>
            </fieldset>
            <button type="submit" className="button">
              {t("e.start")}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to={base}>{t("e.back")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${metaT(matches, "staff")("e.meta")} – ${data.round.name}` : metaT(matches, "staff")("e.meta") },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

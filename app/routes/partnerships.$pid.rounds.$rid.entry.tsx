import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLang } from "../components/i18n";
import { lazy, Suspense } from "react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ENTRY_MODE_NAMES, STAFF_ENTRY_MODES } from "../domain/entry-modes";
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
  const { round, partnership, base, entry } = data;
  if (entry) {
    return (
      <div>
        <span className="caption">
          {partnership.name}: {round.name}
        </span>
        <p className="survey-name">
          Entering a {entry.kind === "family" ? "family-voice" : "professional"} response:{" "}
          {ENTRY_MODE_NAMES[entry.mode].toLowerCase()}
        </p>
        <p className="hint">
          {entry.mode === "paper"
            ? "Copy the ticks from the paper form exactly; leave a question blank where the form is blank."
            : "Read each question to the respondent and record their answer; do not answer for them."}{" "}
          The response is counted with the others and is not linked to you.
        </p>
        <ClientOnly fallback={<p>Loading the questionnaire…</p>}>
          {() => (
            <Suspense fallback={<p>Loading the questionnaire…</p>}>
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
      <h1>Enter a paper or assisted response</h1>
      {data.entered ? (
        <div className="notice" role="status">
          <p>
            The response was entered ({ENTRY_MODE_NAMES[data.entered].toLowerCase()}). It is counted with the
            round&apos;s other responses and is not linked to you.
          </p>
        </div>
      ) : null}
      {round.status !== "open" ? (
        <p>This round is closed, so it takes no more responses.</p>
      ) : (
        <>
          <p>
            Enter a paper form someone filled in, or fill the questionnaire in with a respondent beside you. It goes in
            as a new, submitted response of {round.name}. Who entered it is never stored.
          </p>
          <form method="get">
            <fieldset className="field radios">
              <legend>Which questionnaire?</legend>
              <label>
                <input type="radio" name="kind" value="professional" required /> Professional
              </label>
              {round.includeFamily ? (
                <label>
                  <input type="radio" name="kind" value="family" /> Family voice
                </label>
              ) : null}
            </fieldset>
            <fieldset className="field radios">
              <legend>How was it answered?</legend>
              <label>
                <input type="radio" name="mode" value="paper" required /> On paper: I am copying a completed form
              </label>
              <label>
                <input type="radio" name="mode" value="assisted" /> Assisted: the respondent is answering with me now
              </label>
            </fieldset>
            <button type="submit" className="button">
              Start entering
            </button>
          </form>
        </>
      )}
      <p>
        <Link to={base}>Back to the round</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Enter a response – ${data.round.name}` : "Enter a response" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { requireOpenInvitation } from "../access/invitation.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { FirstSection, firstSectionShape } from "../components/first-section";
import { hasUnsentAnswers } from "../components/unsent-answers";
import { formatDate } from "../domain/dates";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { loadAnswers } from "../models/response.server";

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { db, invitation, response: mine } = await requireOpenInvitation(request, token);
  const agencies = await listAgencies(db, invitation.partnershipId);
  return {
    token,
    kind: invitation.kind,
    partnershipName: invitation.partnershipName,
    roundName: invitation.roundName,
    closesOn: invitation.closes_on,
    form: invitation.form,
    questionnaire: questionnaireFor(invitation, agencies, invitation.kind, invitation.agency_id),
    submitted: mine?.status === "submitted",
    // "Start now" works before the page's JavaScript has arrived: a plain GET with ?start.
    started: new URL(request.url).searchParams.has("start"),
    saved:
      mine && mine.status === "in_progress"
        ? { answers: await loadAnswers(db, mine.id), currentPage: mine.current_page, version: mine.version }
        : null,
  };
}

// SurveyJS (most of the page's weight) is loaded apart from the start page: the start page is
// usable at once, and the questionnaire's code arrives while the respondent reads it.
let runnerLoaded = false;
const loadRunner = () =>
  import("../components/survey-runner.client").then((m) => {
    runnerLoaded = true;
    return m;
  });
const SurveyRunner = lazy(() => loadRunner().then((m) => ({ default: m.SurveyRunner })));

const MINUTES = { family: "about 5 minutes", short: "about 5 minutes", full: "about 25 minutes" } as const;

/**
 * The start page (what this is, how long, anonymity, save and resume) once, then the
 * questionnaire. A respondent who has answers saved on the server or waiting on this device
 * goes straight back to the questions.
 */
export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  // "start": the start page; "first": the first section drawn without SurveyJS, while it is still
  // arriving (components/first-section.tsx); "runner": SurveyJS.
  const firstShape = useMemo(() => (data.saved ? null : firstSectionShape(data.questionnaire)), [data]);
  const [stage, setStage] = useState<"start" | "first" | "runner">(() =>
    data.saved ? "runner" : data.started ? (firstShape ? "first" : "runner") : "start",
  );
  const [ready, setReady] = useState(false);
  const [begun, setBegun] = useState(false);
  const [handedOver, setHandedOver] = useState(false);
  useEffect(() => {
    if (data.submitted) return;
    if (hasUnsentAnswers(data.token)) setStage("runner");
    void loadRunner().then(() => setReady(true));
  }, [data.token, data.submitted]);
  // SurveyJS takes over the first section once it has arrived, unless the respondent has begun
  // answering there: then it takes over at "Next".
  useEffect(() => {
    if (stage === "first" && ready && !begun) setStage("runner");
  }, [stage, ready, begun]);
  const start = () => setStage(runnerLoaded || !firstShape ? "runner" : "first");
  if (data.submitted) {
    return (
      <div>
        <h1>You have already submitted your answers</h1>
        <p>
          Thank you. Your answers to {data.roundName} for {data.partnershipName} are stored and can no longer be
          changed.
        </p>
      </div>
    );
  }
  const title = data.kind === "family" ? "Did services work together for you?" : "How well do services work together?";
  if (stage === "start") {
    return (
      <div className="start-page">
        <span className="caption">{data.partnershipName}</span>
        <h1>{title}</h1>
        <p>
          {data.kind === "family"
            ? "Tell us what it was like for you and your family to get help from different services: whether they worked together, or you had to tell your story again and again."
            : "Tell us how the agencies in your partnership work together for children and families. There are no right or wrong answers."}
        </p>
        <ul>
          <li>It takes {MINUTES[data.kind === "family" ? "family" : data.form]}.</li>
          <li>
            It is anonymous: we do not ask your name or email, and no one sees any one person&apos;s answers. Results
            are only shown for groups of several people.
          </li>
          <li>
            Your answers are saved as you go. You can stop, and come back on this device until{" "}
            {formatDate(data.closesOn)}, or get a link to carry on elsewhere.
          </li>
        </ul>
        <form method="get">
          <input type="hidden" name="start" value="1" />
          <button
            type="submit"
            className="button start-button"
            onClick={(event) => {
              event.preventDefault();
              start();
            }}
          >
            Start now
          </button>
        </form>
        <noscript>
          <p>
            This questionnaire needs JavaScript. If you cannot use JavaScript, contact the partnership for a paper copy.
          </p>
        </noscript>
      </div>
    );
  }
  return (
    <div>
      <span className="caption">{data.partnershipName}</span>
      <p className="survey-name">{title}</p>
      {stage === "first" && firstShape ? (
        <FirstSection
          token={data.token}
          shape={firstShape}
          onAnswered={() => setBegun(true)}
          onNext={() => {
            setHandedOver(true);
            setStage("runner");
          }}
        />
      ) : (
        <ClientOnly fallback={<p>Loading the questionnaire…</p>}>
          {() => (
            <Suspense
              fallback={
                <p role="status" className="loading">
                  {handedOver ? "Loading the next section…" : "Loading the questionnaire…"}
                </p>
              }
            >
              <SurveyRunner token={data.token} json={data.questionnaire} saved={data.saved} />
            </Suspense>
          )}
        </ClientOnly>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.roundName} – ${data.partnershipName}` : "Questionnaire" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

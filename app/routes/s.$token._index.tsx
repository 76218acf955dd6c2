import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { requireOpenInvitation } from "../access/invitation.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { FirstSection, firstSectionShape } from "../components/first-section";
import type { SurveyJson } from "../domain/instrument";
import { hasUnsentAnswers } from "../components/unsent-answers";
import { formatDate } from "../domain/dates";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { loadAnswers } from "../models/response.server";

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { db, invitation, response: mine } = await requireOpenInvitation(request, token);
  const agencies = await listAgencies(db, invitation.partnershipId);
  const saved =
    mine && mine.status === "in_progress"
      ? { answers: await loadAnswers(db, mine.id), currentPage: mine.current_page, version: mine.version }
      : null;
  return {
    token,
    kind: invitation.kind,
    partnershipName: invitation.partnershipName,
    roundName: invitation.roundName,
    closesOn: invitation.closes_on,
    form: invitation.form,
    // Only the first section goes with the page; the runner fetches the whole questionnaire
    // (s.$token.questionnaire.ts) with SurveyJS.
    firstShape: saved
      ? null
      : firstSectionShape(questionnaireFor(invitation, agencies, invitation.kind, invitation.agency_id)),
    submitted: mine?.status === "submitted",
    // "Start now" works before the page's JavaScript has arrived: a plain GET with ?start.
    started: new URL(request.url).searchParams.has("start"),
    saved,
  };
}

// SurveyJS (most of the page's weight) is loaded apart from the start page: the start page is
// usable at once, and the questionnaire's code arrives while the respondent reads it.
type Runner = { SurveyRunner: typeof import("../components/survey-runner.client").SurveyRunner; json: SurveyJson };

/** Loads SurveyJS, its stylesheet and the questionnaire, none of which the start page and the first section need. */
async function loadRunner(token: string): Promise<Runner> {
  const [module, json] = await Promise.all([
    import("../components/survey-runner.client"),
    fetch(`/s/${token}/questionnaire`).then((res) => {
      if (!res.ok) throw new Error(`questionnaire: ${res.status}`);
      return res.json() as Promise<SurveyJson>;
    }),
    loadStylesheet(surveyCss),
  ]);
  return { SurveyRunner: module.SurveyRunner, json };
}

function loadStylesheet(href: string) {
  return new Promise<void>((resolve) => {
    if (document.querySelector(`link[rel=stylesheet][href="${href}"]`)) return resolve();
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

const MINUTES = { family: "about 5 minutes", short: "about 5 minutes", full: "about 25 minutes" } as const;

/** The first section's heading, the target of "Start now" before the page's JavaScript runs. */
const FIRST_SECTION_ID = "first-section-heading";

/**
 * The start page (what this is, how long, anonymity, save and resume) once, then the
 * questionnaire. A respondent who has answers saved on the server or waiting on this device
 * goes straight back to the questions.
 *
 * On a slow phone the first section is usable before any JavaScript has run: it is sent with
 * the start page, hidden, and "Start now" is a link to its heading, which the stylesheet shows
 * (`:target`) in place of the start page. Once the page is hydrated the same link switches
 * stages in React instead, and SurveyJS takes over when it arrives.
 */
export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  const firstShape = data.firstShape;
  const [stage, setStage] = useState<"start" | "first" | "runner">(() =>
    data.saved ? "runner" : data.started ? (firstShape ? "first" : "runner") : "start",
  );
  const [runner, setRunner] = useState<Runner | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const ready = runner !== null;
  const [begun, setBegun] = useState(false);
  const [handedOver, setHandedOver] = useState(false);
  useEffect(() => {
    if (data.submitted) return;
    if (hasUnsentAnswers(data.token)) setStage("runner");
    // "Start now" followed before the page's JavaScript ran: the first section is on screen.
    else if (firstShape && window.location.hash === `#${FIRST_SECTION_ID}`) setStage("first");
  }, [data.token, data.submitted, firstShape]);
  const loading = useRef(false);
  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    setLoadFailed(false);
    loadRunner(data.token).then(setRunner, () => {
      loading.current = false;
      setLoadFailed(true);
    });
  }, [data.token]);
  useEffect(() => {
    if (data.submitted) return;
    load();
    // Failed for want of a connection: try again when it returns.
    window.addEventListener("online", load);
    return () => window.removeEventListener("online", load);
  }, [data.submitted, load]);
  useEffect(() => {
    if (stage === "first" && ready && !begun) setStage("runner");
  }, [stage, ready, begun]);
  const start = () => setStage(ready || !firstShape ? "runner" : "first");
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
  // The first section keeps its place in the tree from the start page on, so answers given
  // before the page was hydrated stay checked.
  const showFirst = Boolean(firstShape) && stage !== "runner";
  return (
    <div>
      <span className="caption">{data.partnershipName}</span>
      {stage === "start" ? (
        <div className="start-page">
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
          <a
            href={firstShape ? `#${FIRST_SECTION_ID}` : "?start=1"}
            role="button"
            className="button start-button"
            onClick={(event) => {
              event.preventDefault();
              start();
            }}
            onKeyDown={(event) => {
              if (event.key !== " ") return;
              event.preventDefault();
              start();
            }}
          >
            Start now
          </a>
          <noscript>
            <p>
              This questionnaire needs JavaScript after its first section. If you cannot use JavaScript, contact the
              partnership for a paper copy.
            </p>
          </noscript>
        </div>
      ) : (
        <p className="survey-name">{title}</p>
      )}
      {showFirst && firstShape ? (
        <div className={stage === "start" ? "first-section-deferred" : undefined}>
          <FirstSection
            token={data.token}
            shape={firstShape}
            headingId={FIRST_SECTION_ID}
            active={stage === "first"}
            onAnswered={() => setBegun(true)}
            onNext={() => {
              setHandedOver(true);
              setStage("runner");
            }}
          />
        </div>
      ) : null}
      {stage === "runner" ? (
        runner ? (
          <runner.SurveyRunner token={data.token} json={runner.json} saved={data.saved} />
        ) : loadFailed ? (
          <div className="error-summary" role="alert">
            <h2>The questionnaire could not be loaded</h2>
            <p>Check your connection. It will try again when the connection returns.</p>
            <button type="button" className="button" onClick={load}>
              Try again
            </button>
          </div>
        ) : (
          <p role="status" className="loading">
            {handedOver ? "Loading the next section…" : "Loading the questionnaire…"}
          </p>
        )
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.roundName} – ${data.partnershipName}` : "Questionnaire" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { requireOpenInvitation } from "../access/invitation.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { htmlLang, LanguageSwitcher, metaT, useT } from "../components/i18n";
import { FirstSection, firstSectionShape } from "../components/first-section";
import { hasUnsentAnswers } from "../components/unsent-answers";
import { formatDate } from "../domain/dates";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { langOf } from "../language.server";
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
    // Formatted here, so that the browser shows the server's words (its own Intl may name months differently).
    closesOn: formatDate(invitation.closes_on, await langOf(request)),
    form: invitation.form,
    questionnaire: questionnaireFor(invitation, agencies, invitation.kind),
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

/**
 * The start page (what this is, how long, anonymity, save and resume) once, then the
 * questionnaire. A respondent who has answers saved on the server or waiting on this device
 * goes straight back to the questions.
 */
export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  const { t, lang } = useT("respondent");
  // "start": the start page; "first": the first section drawn without SurveyJS, while it is still
  // arriving (components/first-section.tsx); "runner": SurveyJS.
  const firstShape = useMemo(() => (data.saved ? null : firstSectionShape(data.questionnaire, lang)), [data, lang]);
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
        <h1>{t("start.submittedTitle")}</h1>
        <p>{t("start.submittedBody", { round: data.roundName, partnership: data.partnershipName })}</p>
      </div>
    );
  }
  const title = t(data.kind === "family" ? "start.title.family" : "start.title.staff");
  if (stage === "start") {
    return (
      <div className="start-page">
        <span className="caption">{data.partnershipName}</span>
        <h1>{title}</h1>
        {/* The respondent chooses the language here; each name is in its own language. */}
        <div className="start-language">
          <p>
            {t("start.language")}
            {lang === "cy" ? null : <span lang={htmlLang("cy")}> / Dewiswch eich iaith</span>}
          </p>
          <LanguageSwitcher className="language-choice" />
        </div>
        <p>{t(data.kind === "family" ? "start.intro.family" : "start.intro.staff")}</p>
        <ul>
          <li>{t(data.kind === "family" || data.form === "short" ? "start.minutes.short" : "start.minutes.full")}</li>
          <li>{t("start.anonymous")}</li>
          <li>{t("start.saved", { date: data.closesOn })}</li>
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
            {t("start.now")}
          </button>
        </form>
        <noscript>
          <p>{t("start.noscript")}</p>
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
        <ClientOnly fallback={<p>{t("loading.questionnaire")}</p>}>
          {() => (
            <Suspense
              fallback={
                <p role="status" className="loading">
                  {t(handedOver ? "loading.next" : "loading.questionnaire")}
                </p>
              }
            >
              <SurveyRunner token={data.token} json={data.questionnaire} saved={data.saved} lang={lang} />
            </Suspense>
          )}
        </ClientOnly>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.roundName} – ${data.partnershipName}` : metaT(matches, "respondent")("start.metaTitle") },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

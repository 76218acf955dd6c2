import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { requireOpenInvitation } from "../access/invitation.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { htmlLang, LanguageSwitcher, metaT, useT } from "../components/i18n";
import { FirstSection, firstSectionShape } from "../components/first-section";
import type { SurveyJson } from "../domain/instrument";
import { readUnsent } from "../components/unsent-answers";
import { formatDate } from "../domain/dates";
import { questionnaireFor } from "../models/questionnaire.server";
import { langOf } from "../language.server";

/**
 * A respondent's page: the minimal header (root.tsx). The start page and the first section work
 * in plain HTML, so the app's code is fetched once the respondent starts to use the page
 * (components/deferred-scripts.tsx).
 */
export const handle = { respondent: true, deferScripts: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { invitation, response: mine, answers } = await requireOpenInvitation(request, token);
  const agencies = invitation.agencies;
  const lang = await langOf(request);
  const saved =
    mine && mine.status === "in_progress" ? { answers, currentPage: mine.current_page, version: mine.version } : null;
  return {
    token,
    kind: invitation.kind,
    partnershipName: invitation.partnershipName,
    roundName: invitation.roundName,
    // Formatted here, so that the browser shows the server's words (its own Intl may name months differently).
    closesOn: formatDate(invitation.closes_on, lang),
    form: invitation.form,
    // Only the first section goes with the page; the runner fetches the whole questionnaire
    // (s.$token.questionnaire.ts) with SurveyJS.
    firstShape: saved
      ? null
      : firstSectionShape(questionnaireFor(invitation, agencies, invitation.kind, invitation.agency_id), lang),
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
  const { t, lang } = useT("respondent");
  // "start": the start page; "first": the first section drawn without SurveyJS, while it is still
  // arriving (components/first-section.tsx); "runner": SurveyJS.
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
    const unsent = readUnsent(data.token);
    // "Start now" followed before the page's JavaScript ran: the first section is on screen, and
    // may already hold answers (first-section.tsx keeps them); it stays until the respondent goes on.
    const onFirst = firstShape && (data.started || window.location.hash === `#${FIRST_SECTION_ID}`);
    if (onFirst && (!unsent || unsent.currentPage === 0)) setStage("first");
    else if (unsent) setStage("runner");
  }, [data.token, data.submitted, data.started, firstShape]);
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
        <h1>{t("start.submittedTitle")}</h1>
        <p>{t("start.submittedBody", { round: data.roundName, partnership: data.partnershipName })}</p>
      </div>
    );
  }
  const title = t(data.kind === "family" ? "start.title.family" : "start.title.staff");
  // The first section keeps its place in the tree from the start page on, so answers given
  // before the page was hydrated stay checked.
  const showFirst = Boolean(firstShape) && stage !== "runner";
  // A page that is not usable until its code has run (the runner from the start) asks for that
  // code at once, rather than on the first interaction (components/deferred-scripts.tsx).
  const eager = Boolean(data.saved) || (data.started && !firstShape);
  return (
    <div data-deferred-eager={eager ? "" : undefined}>
      <span className="caption">{data.partnershipName}</span>
      {stage === "start" ? (
        <div className="start-page">
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
            {t("start.now")}
          </a>
          <noscript>
            <p>{t("start.noscript")}</p>
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
          <runner.SurveyRunner token={data.token} json={runner.json} saved={data.saved} lang={lang} />
        ) : loadFailed ? (
          <div className="error-summary" role="alert">
            <h2>{t("loading.failedTitle")}</h2>
            <p>{t("loading.failedBody")}</p>
            <button type="button" className="button" onClick={load}>
              {t("loading.retry")}
            </button>
          </div>
        ) : (
          <p role="status" className="loading">
            {t(handedOver ? "loading.next" : "loading.questionnaire")}
          </p>
        )
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.roundName} – ${data.partnershipName}` : metaT(matches, "respondent")("start.metaTitle") },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

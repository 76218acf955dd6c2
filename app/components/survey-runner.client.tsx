import { useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { Model, type PageModel, type Question } from "survey-core";
import { Survey } from "survey-react-ui";
import { formatTime } from "../domain/dates";
import { STAGES } from "../domain/framework";
import { frameworkTerm } from "../domain/glossary";
import type { Lang } from "../domain/language";
import { STAGE_SCALE_PAGES } from "../domain/questionnaire";
import { registerSurveyProperties } from "../domain/survey-properties";
import type { SurveyJson } from "../domain/instrument";
import { answerChanges } from "./answer-changes";
import { useT } from "./i18n";
import { registerSurveyLocales, surveyLocale } from "./survey-locales";
import { readUnsent, writeUnsent, type Answers, type Unsent } from "./unsent-answers";

type Saved = { answers: Record<string, string | number>; currentPage: number; version: number } | null;
/** What the server last acknowledged holding, and the version it gave that save. */
type Acked = { answers: Answers; version: number };
type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "waiting" };

const TYPING_DELAY_MS = 2000;
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 20000, 30000];

/**
 * Runs a questionnaire in the browser and keeps the server up to date: every page change at
 * once, and typing after a short pause. Saves are sent one at a time, each with only the changes
 * since the last save the server acknowledged (a cleared answer as null) and that save's
 * version; the server applies them only if it is still at that version. A retried or
 * out-of-order save is refused (409) and the full set is sent instead, so a lost or repeated
 * request can never leave the server with a mix, lose an answer or bring a cleared one back.
 *
 * Offline: every change is first written to this device (`unsent-answers:<token>`) and only
 * cleared once the server acknowledges a save holding it, so closing the tab while offline loses
 * nothing; the next visit starts from the device's copy and sends it. Failed saves are retried
 * with back-off, and at once when the browser reports the connection back.
 *
 * Presentation: SurveyJS draws the questions and the Next/Previous buttons; this component draws
 * the labelled progress and the section heading (focused and scrolled into view after each page
 * change, and announced), and the check-your-answers page in the GOV.UK pattern.
 */
/**
 * Staff entry of a paper or assisted response (issue 24): the answers stay on the device until
 * submitted to `endpoint` in one go, then the runner goes to `doneUrl`; no resume link.
 */
export interface StaffEntry {
  endpoint: string;
  doneUrl: string;
}

export function SurveyRunner({
  token,
  json,
  saved,
  entry,
  lang = "en",
}: {
  token: string;
  json: SurveyJson;
  saved: Saved;
  entry?: StaffEntry;
  /** The respondent's language: SurveyJS shows each text's entry for it (English where none). */
  lang?: Lang;
}) {
  const navigate = useNavigate();
  const { t } = useT("respondent");
  const endpoint = entry?.endpoint ?? `/api/responses/${token}`;
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [resumeUrl, setResumeUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<"questions" | "check">("questions");
  const [pageNo, setPageNo] = useState(0);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Where focus goes after the next render: the section heading, or a question (a Change link).
  const focusNext = useRef<{ kind: "heading" } | { kind: "question"; question: Question } | null>({ kind: "heading" });

  const model = useMemo(() => {
    registerSurveyProperties();
    registerSurveyLocales();
    const survey = new Model(json);
    survey.locale = surveyLocale(lang);
    survey.applyTheme({
      cssVariables: {
        "--sjs2-typography-font-family-text": "system-ui, sans-serif",
        "--sjs-font-family": "system-ui, sans-serif",
      },
    });
    // The start page says what the questionnaire is, once; the progress and the heading are ours.
    survey.showTitle = false;
    survey.showPageTitles = false;
    survey.showProgressBar = false;
    survey.showPreviewBeforeComplete = false;
    survey.showCompletePage = false;
    const unsent = readUnsent(token);
    // The device's copy is newer than the server's whenever it exists: it is cleared on acknowledgement.
    survey.data = unsent?.answers ?? saved?.answers ?? {};
    const page = unsent?.currentPage ?? saved?.currentPage;
    if (page !== undefined) survey.currentPageNo = Math.max(0, Math.min(page, survey.visiblePageCount - 1));
    return survey;
  }, [json, saved, token, lang]);
  // The last page's button leads to check your answers, in the reader's language.
  useEffect(() => {
    model.completeText = t("check.title");
  }, [model, t]);

  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Once submitted, nothing more is sent: the server would refuse it anyway.
  const submitted = useRef(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wakeUp = useRef<(() => void) | null>(null);
  // Null until the server holds a response for this device (or after a refused change): the full set goes then.
  const acked = useRef<Acked | null>(saved ? { answers: saved.answers, version: saved.version } : null);

  const post = useCallback(
    async (intent: "save" | "submit", body: Unsent) => {
      for (let attempt = 0; ; attempt++) {
        const base = acked.current;
        const payload = JSON.stringify(
          base
            ? {
                intent,
                changes: answerChanges(base.answers, body.answers),
                baseVersion: base.version,
                currentPage: body.currentPage,
              }
            : { intent, answers: body.answers, currentPage: body.currentPage },
        );
        try {
          const res = await fetch(endpoint, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: payload,
          });
          const result = (await res.json()) as {
            ok: boolean;
            message?: string;
            errors?: Record<string, string | undefined>;
            conflict?: string;
            version?: number;
            dropped?: string[];
          };
          if (res.ok) {
            // Answers the server dropped (hidden by other answers) are not held there: sent again if they come back.
            const held = { ...body.answers };
            for (const key of result.dropped ?? []) delete held[key];
            acked.current = typeof result.version === "number" ? { answers: held, version: result.version } : null;
            return result;
          }
          if (res.status === 409 && result.conflict === "version") {
            // Based on an older copy (a retry of a save that did arrive, or another tab): send the full set.
            acked.current = null;
            continue;
          }
          // A 4xx will not get better by retrying: show it.
          if (res.status < 500)
            throw new UserFacingError(Object.values(result.errors ?? {})[0] ?? result.message ?? t("runner.notSaved"));
        } catch (error) {
          if (error instanceof UserFacingError) throw error;
        }
        setState({ kind: "waiting" });
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wakeUp.current = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp.current = null;
      }
    },
    [endpoint, t],
  );

  const save = useCallback(() => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
    if (submitted.current) return Promise.resolve();
    const snapshot: Unsent = { answers: { ...model.data }, currentPage: model.currentPageNo };
    writeUnsent(token, snapshot);
    if (entry) return Promise.resolve();
    const next = queue.current.then(async () => {
      setState({ kind: "saving" });
      try {
        await post("save", snapshot);
        // Cleared only if nothing newer was written meanwhile.
        const now = readUnsent(token);
        if (now && JSON.stringify(now) === JSON.stringify(snapshot)) writeUnsent(token, null);
        setState({ kind: "saved", at: new Date() });
        setProblem(null);
      } catch (error) {
        setState({ kind: "idle" });
        setProblem(error instanceof Error ? error.message : t("runner.notSaved"));
      }
    });
    queue.current = next;
    return next;
  }, [model, post, token, entry, t]);

  useEffect(() => {
    const onValueChanged = (_: unknown, options: { question?: { getType(): string } }) => {
      const isTyping = options.question?.getType() === "comment" || options.question?.getType() === "text";
      if (typingTimer.current) clearTimeout(typingTimer.current);
      if (isTyping) {
        // Kept on the device at once, sent after a pause.
        writeUnsent(token, { answers: { ...model.data }, currentPage: model.currentPageNo });
        typingTimer.current = setTimeout(() => void save(), TYPING_DELAY_MS);
      } else void save();
    };
    const onPageChanged = () => {
      focusNext.current = { kind: "heading" };
      setPageNo(model.currentPageNo);
      void save();
    };
    // The last page's button leads to check-your-answers, not to submission.
    const onCompleting = (_: unknown, options: { allow: boolean }) => {
      options.allow = false;
      focusNext.current = { kind: "heading" };
      setReturnToCheck(false);
      setMode("check");
    };
    // Our heading is scrolled into view instead of SurveyJS's page top.
    const onScrollToTop = (_: unknown, options: { allow: boolean }) => {
      options.allow = false;
    };
    const flush = () => {
      if (typingTimer.current) void save();
    };
    const online = () => {
      wakeUp.current?.();
      // Answers kept on the device while offline (or from a tab closed offline) go now.
      if (readUnsent(token) && !wakeUp.current) void save();
    };

    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    model.onCompleting.add(onCompleting);
    model.onScrollToTop.add(onScrollToTop);
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", online);
    setPageNo(model.currentPageNo);
    // A device copy the server has not acknowledged (say the tab was closed offline): send it.
    if (readUnsent(token)) void save();
    return () => {
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onCompleting.remove(onCompleting);
      model.onScrollToTop.remove(onScrollToTop);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", online);
    };
  }, [model, save, token]);

  // After a page change: the heading gets focus and comes into view (WCAG 2.4.3), and the
  // live region below announces the section (4.1.3). A layout effect: focus moves in the same
  // commit as the new heading, before a key press can land anywhere else.
  useLayoutEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (!target) return;
    if (target.kind === "question") {
      target.question.focus();
      return;
    }
    const heading = headingRef.current;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }, [pageNo, mode]);

  async function submit() {
    setSubmitting(true);
    await queue.current;
    try {
      submitted.current = true;
      await post("submit", { answers: model.data, currentPage: model.currentPageNo });
      writeUnsent(token, null);
      navigate(entry?.doneUrl ?? `/s/${token}/done`);
    } catch (error) {
      submitted.current = false;
      setSubmitting(false);
      setProblem(error instanceof Error ? error.message : t("runner.notSubmitted"));
    }
  }

  function change(page: PageModel, question: Question | null) {
    model.currentPage = page;
    focusNext.current = question ? { kind: "question", question } : { kind: "heading" };
    setReturnToCheck(true);
    setPageNo(model.currentPageNo);
    setMode("questions");
  }

  function backToCheck() {
    focusNext.current = { kind: "heading" };
    void save();
    setMode("check");
  }

  async function askForResumeLink() {
    await queue.current;
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ intent: "resume_link" }),
    });
    const result = (await res.json()) as { resumeUrl?: string; message?: string };
    if (result.resumeUrl) setResumeUrl(result.resumeUrl);
    else setProblem(result.message ?? t("runner.noResumeLink"));
  }

  // SurveyJS redraws itself when the model changes; the runner's own re-renders (the save status,
  // several per answer) must not redraw it too. Its buttons act on Enter when the key comes up,
  // and only if the same rendering of the button saw it go down (survey-react-ui's
  // attachKey2click): a redraw in between, say an autosave finishing while Next is pressed,
  // would lose the press.
  const survey = useMemo(() => <Survey model={model} />, [model]);

  const pages = model.visiblePages;
  const index = Math.max(0, pages.indexOf(model.currentPage));
  const page = pages[index];
  const sectionLabel = t("runner.section", { n: index + 1, total: pages.length });

  return (
    <div>
      {problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t("common:form.problem")}</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      {mode === "check" ? (
        <CheckAnswers
          model={model}
          headingRef={headingRef}
          onChange={change}
          onSubmit={() => void submit()}
          submitting={submitting}
        />
      ) : (
        <>
          <div className="section-progress">
            <p className="section-progress-label" id="section-progress-label">
              {sectionLabel}
              {page ? `: ${page.title}` : ""}
            </p>
            <progress max={pages.length} value={index + 1} aria-labelledby="section-progress-label" />
          </div>
          {returnToCheck ? (
            <p>
              <button type="button" className="link-button" onClick={backToCheck}>
                {t("runner.backToCheck")}
              </button>
            </p>
          ) : null}
          <h1 className="section-heading" ref={headingRef} tabIndex={-1}>
            {page?.title}
          </h1>
          {page?.description ? <p className="section-description">{page.description}</p> : null}
          {page && (STAGE_SCALE_PAGES as readonly string[]).includes(page.name) ? (
            // The stage scale, explained once per page rather than in every option.
            <details className="stage-scale" key={page.name} open={page.name !== "partners"}>
              <summary>{t("runner.stages")}</summary>
              <dl>
                {STAGES.map((s) => (
                  <div key={s.stage}>
                    <dt>{frameworkTerm("stage", s.key, lang)}</dt>
                    <dd>{frameworkTerm("stage_description", s.key, lang)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
          <div className="survey-shell">{survey}</div>
        </>
      )}
      <p className="visually-hidden" aria-live="polite">
        {mode === "check" ? t("check.title") : page ? `${sectionLabel}: ${page.title}` : ""}
      </p>
      <p className={`save-status${state.kind === "waiting" ? " error" : ""}`} role="status">
        {state.kind === "saving" ? t("runner.saving") : null}
        {state.kind === "saved" ? t("runner.savedAt", { time: formatTime(state.at, lang) }) : null}
        {state.kind === "waiting" ? t("runner.waiting") : null}
      </p>
      {entry ? null : (
        <div className="panel">
          <h2>{t("runner.finishLater")}</h2>
          <p>{t("runner.finishLaterBody")}</p>
          <p>{t("runner.finishLaterOther")}</p>
          <button type="button" className="button secondary" onClick={() => void askForResumeLink()}>
            {t("runner.getResumeLink")}
          </button>
          {resumeUrl ? (
            <div className="copy-field" style={{ marginTop: "1rem" }}>
              <label htmlFor="resume-url">{t("runner.resumeLink")}</label>
              <input id="resume-url" readOnly value={resumeUrl} onFocus={(e) => e.currentTarget.select()} />
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}

/**
 * GOV.UK's check-your-answers pattern, made phone-length: one summary per section (how many
 * answered), opening to each question with only its answer or "Not answered" and a Change
 * button that returns to that question. Submit sits at the top and at the bottom.
 */
function CheckAnswers({
  model,
  headingRef,
  onChange,
  onSubmit,
  submitting,
}: {
  model: Model;
  headingRef: RefObject<HTMLHeadingElement>;
  onChange: (page: PageModel, question: Question | null) => void;
  onSubmit: () => void;
  submitting: boolean;
}) {
  const { t } = useT("respondent");
  const sections = model.visiblePages.map((page) => {
    const questions = page.questions.filter(
      (q) => q.isVisible && q.getType() !== "html" && q.getType() !== "expression",
    );
    const rows = questions.map((q) => ({ question: q, answer: q.isEmpty() ? null : answerText(q) }));
    return { page, rows, answered: rows.filter((r) => r.answer !== null).length };
  });
  const submitButton = (
    <button type="button" className="button" onClick={onSubmit} disabled={submitting}>
      {t(submitting ? "check.submitting" : "check.submit")}
    </button>
  );
  return (
    <div className="check-answers">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("check.title")}
      </h1>
      <p>{t("check.intro")}</p>
      <div className="button-group">{submitButton}</div>
      {sections.map(({ page, rows, answered }) => (
        <details key={page.name} className="check-section">
          <summary>
            <span className="check-section-title">{page.title}</span>{" "}
            <span className="hint">{t("check.answered", { answered, total: rows.length })}</span>
          </summary>
          <dl className="check-list">
            {rows.map(({ question, answer }) => (
              <div key={question.name} className="check-row">
                <dt>{question.processedTitle || question.title}</dt>
                <dd className={answer === null ? "hint" : "check-answer"}>{answer ?? t("check.notAnswered")}</dd>
                <dd>
                  <button type="button" className="link-button" onClick={() => onChange(page, question)}>
                    {t("check.change")}
                    <span className="visually-hidden">
                      {" "}
                      {t("check.changeHidden", { question: question.processedTitle || question.title })}
                    </span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
      <h2>{t("check.sendTitle")}</h2>
      <p>{t("check.sendBody")}</p>
      <div className="button-group">{submitButton}</div>
    </div>
  );
}

function answerText(question: Question): string {
  const value: unknown = question.displayValue;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).join(", ");
  return String(value);
}

class UserFacingError extends Error {}

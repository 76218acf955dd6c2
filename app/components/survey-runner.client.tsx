import { useNavigate } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { registerSurveyProperties } from "../domain/survey-properties";
import type { SurveyJson } from "../domain/instrument";

type Saved = { answers: Record<string, string | number>; currentPage: number } | null;
type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "offline"; message: string };

const TYPING_DELAY_MS = 2000;
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 20000, 30000];

/**
 * Runs a questionnaire in the browser and keeps the server up to date: every page change at
 * once, and typing after a short pause. Saves are sent one at a time, each with the full set
 * of answers, so a lost or repeated request can never leave the server with a mix. When the
 * network is gone, saves are retried with back-off and a copy is kept in this browser.
 */
export function SurveyRunner({ token, json, saved }: { token: string; json: SurveyJson; saved: Saved }) {
  const navigate = useNavigate();
  const endpoint = `/api/responses/${token}`;
  const backupKey = `answers:${token}`;
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [resumeUrl, setResumeUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const model = useMemo(() => {
    registerSurveyProperties();
    const survey = new Model(json);
    survey.applyTheme({ cssVariables: { "--sjs2-typography-font-family-text": "system-ui, sans-serif", "--sjs-font-family": "system-ui, sans-serif" } });
    survey.showCompletePage = false;
    let answers = saved?.answers ?? {};
    if (!saved && typeof window !== "undefined") {
      try {
        answers = JSON.parse(window.localStorage.getItem(`answers:${token}`) ?? "{}") as Record<string, string | number>;
      } catch {
        answers = {};
      }
    }
    survey.data = answers;
    if (saved) survey.currentPageNo = Math.min(saved.currentPage, survey.visiblePageCount - 1);
    return survey;
  }, [json, saved, token]);

  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Once submitted, nothing more is sent: the server would refuse it anyway.
  const submitted = useRef(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    async function post(intent: "save" | "submit") {
      const body = JSON.stringify({ intent, answers: model.data, currentPage: model.currentPageNo });
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/json" }, body });
          const result = (await res.json()) as { ok: boolean; message?: string; errors?: Record<string, string | undefined> };
          if (res.ok) return result;
          // A 4xx will not get better by retrying: show it.
          if (res.status < 500) throw new UserFacingError(Object.values(result.errors ?? {})[0] ?? result.message ?? "Your answers could not be saved.");
        } catch (error) {
          if (error instanceof UserFacingError) throw error;
        }
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
        setState({ kind: "offline", message: "Not saved yet: no connection. We will keep trying, and your answers are kept on this device." });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }

    function save() {
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingTimer.current = null;
      if (submitted.current) return Promise.resolve();
      try {
        window.localStorage.setItem(backupKey, JSON.stringify(model.data));
      } catch {
        /* storage full or disabled: the server copy is what counts */
      }
      const next = queue.current.then(async () => {
        setState({ kind: "saving" });
        try {
          await post("save");
          setState({ kind: "saved", at: new Date() });
          setProblem(null);
        } catch (error) {
          setState({ kind: "idle" });
          setProblem(error instanceof Error ? error.message : "Your answers could not be saved.");
        }
      });
      queue.current = next;
      return next;
    }

    const onValueChanged = (_: unknown, options: { question?: { getType(): string } }) => {
      const isTyping = options.question?.getType() === "comment" || options.question?.getType() === "text";
      if (typingTimer.current) clearTimeout(typingTimer.current);
      if (isTyping) typingTimer.current = setTimeout(save, TYPING_DELAY_MS);
      else void save();
    };
    const onPageChanged = () => void save();
    const onCompleting = async (_: unknown, options: { allow: boolean; message?: string }) => {
      await queue.current;
      try {
        submitted.current = true;
        await post("submit");
        window.localStorage.removeItem(backupKey);
      } catch (error) {
        submitted.current = false;
        options.allow = false;
        setProblem(error instanceof Error ? error.message : "Your answers could not be submitted. Please try again.");
      }
    };
    const onComplete = () => navigate(`/s/${token}/done`);

    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    model.onCompleting.add(onCompleting);
    model.onComplete.add(onComplete);
    const beforeUnload = () => {
      if (typingTimer.current) void save();
    };
    window.addEventListener("pagehide", beforeUnload);
    return () => {
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onCompleting.remove(onCompleting);
      model.onComplete.remove(onComplete);
      window.removeEventListener("pagehide", beforeUnload);
    };
  }, [model, endpoint, backupKey, navigate, token]);

  async function askForResumeLink() {
    await queue.current;
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ intent: "resume_link" }),
    });
    const result = (await res.json()) as { resumeUrl?: string; message?: string };
    if (result.resumeUrl) setResumeUrl(result.resumeUrl);
    else setProblem(result.message ?? "A resume link could not be made.");
  }

  return (
    <div>
      {problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <div className="survey-shell">
        <Survey model={model} />
      </div>
      <p className={`save-status${state.kind === "offline" ? " error" : ""}`} role="status" aria-live="polite">
        {state.kind === "saving" ? "Saving…" : null}
        {state.kind === "saved" ? `All answers saved at ${state.at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}` : null}
        {state.kind === "offline" ? state.message : null}
      </p>
      <div className="panel">
        <h2>Finish later</h2>
        <p>Your answers are saved on our server as you go. On this device, open the same link to carry on.</p>
        <p>To carry on using another device, get a private link to your answers. Anyone with the link can see and change them until you submit, so keep it to yourself.</p>
        <button type="button" className="button secondary" onClick={() => void askForResumeLink()}>
          Save and get a resume link
        </button>
        {resumeUrl ? (
          <div className="copy-field" style={{ marginTop: "1rem" }}>
            <label htmlFor="resume-url">Your resume link</label>
            <input id="resume-url" readOnly value={resumeUrl} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

class UserFacingError extends Error {}

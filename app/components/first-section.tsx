import { useEffect, useRef, useState, type FormEvent } from "react";
import type { SurveyElementJson, SurveyJson } from "../domain/instrument";
import type { Lang } from "../domain/language";
import { inLanguage } from "../domain/localised-text";
import { useT } from "./i18n";
import { useNonce } from "./nonce";
import { readUnsent, unsentKey, writeUnsent, type Answers } from "./unsent-answers";

/**
 * The questionnaire's first section in plain HTML, usable the moment the start page is: on a
 * slow phone SurveyJS (most of the page's weight) is still arriving when "Start now" is pressed.
 * Only a first section of simple choice questions is drawn this way (every questionnaire starts
 * with "About you"); anything else waits for SurveyJS as before.
 *
 * The answers are kept on the device as they are given, in the same place as SurveyJS's unsent
 * answers (`unsent-answers.ts`), so the runner picks them up, sends them and carries on at the
 * second section; nothing is lost if the tab is closed in between.
 *
 * The page's code runs only once the respondent has begun (components/deferred-scripts.tsx), so the
 * section is often answered before React has hydrated it: a few lines of inline script keep
 * those answers on the device as they are given (merged with any unsent answers already there),
 * and once hydrated the section takes up what was checked (or restores what was kept).
 */

export interface FirstSectionQuestion {
  name: string;
  title: string;
  description?: string;
  required: boolean;
  /** What to say when a required question is left unanswered (else the runner's own words). */
  requiredError?: string;
  choices: { value: string | number; text: string }[];
}

export interface FirstSectionShape {
  name: string;
  title: string;
  description?: string;
  questions: FirstSectionQuestion[];
  /** The number of sections SurveyJS will show at the start (pages without a condition). */
  sectionCount: number;
}

// The properties a radio group may carry and still be drawn here: the question itself, and the
// instrument's own tags (component, level, evidence...), which SurveyJS does not draw either.
const DRAWN = new Set(["type", "name", "title", "description", "isRequired", "requiredErrorText", "choices"]);
const TAGS = new Set(["component", "level", "polarity", "evidence", "shortForm", "scored", "module", "reverse"]);

/**
 * The first section's shape when it can be drawn without SurveyJS, else null; its texts in
 * `lang` (the English where a text has no translation), as SurveyJS would show them.
 */
export function firstSectionShape(json: SurveyJson, lang: Lang = "en"): FirstSectionShape | null {
  const first = json.pages[0];
  const page = first && inLanguage(first, lang);
  if (!page || (page as Record<string, unknown>).visibleIf || !page.elements.length) return null;
  const questions: FirstSectionQuestion[] = [];
  for (const element of page.elements) {
    const question = plainRadioGroup(element);
    if (!question) return null;
    questions.push(question);
  }
  const sectionCount = json.pages.filter((p) => !(p as Record<string, unknown>).visibleIf).length;
  return {
    name: page.name,
    title: text(page.title) ?? page.name,
    description: text(page.description),
    questions,
    sectionCount,
  };
}

// After `inLanguage`, every text is a plain string.
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function plainRadioGroup(element: SurveyElementJson): FirstSectionQuestion | null {
  if (element.type !== "radiogroup" || !Array.isArray(element.choices)) return null;
  if (Object.keys(element).some((key) => !DRAWN.has(key) && !TAGS.has(key))) return null;
  const choices: FirstSectionQuestion["choices"] = [];
  for (const choice of element.choices as unknown[]) {
    if (typeof choice === "string" || typeof choice === "number") choices.push({ value: choice, text: String(choice) });
    else if (choice && typeof choice === "object" && "value" in choice) {
      const { value, text } = choice as { value: unknown; text?: unknown };
      if (typeof value !== "string" && typeof value !== "number") return null;
      choices.push({ value, text: typeof text === "string" ? text : String(value) });
    } else return null;
  }
  return {
    name: element.name,
    title: text(element.title) ?? element.name,
    description: text(element.description),
    required: element.isRequired === true,
    requiredError: text(element.requiredErrorText),
    choices,
  };
}

/**
 * Draws the first section. `onAnswered` says the respondent has begun (the page then keeps this
 * section until they go on, rather than swapping it for SurveyJS under their finger);
 * `onNext` hands over to SurveyJS at the second section.
 */
export function FirstSection({
  token,
  shape,
  headingId,
  active,
  onAnswered,
  onNext,
}: {
  token: string;
  shape: FirstSectionShape;
  /** The heading's id, which "Start now" links to before the page is hydrated. */
  headingId: string;
  /** On screen (else sent hidden with the start page): the heading takes focus when it becomes so. */
  active: boolean;
  onAnswered: () => void;
  onNext: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const nonce = useNonce();
  const [missing, setMissing] = useState<FirstSectionQuestion[]>([]);
  const { t } = useT("respondent");
  const sectionLabel = t("runner.section", { n: 1, total: shape.sectionCount });
  const requiredError = (q: FirstSectionQuestion) => q.requiredError ?? t("runner.answerRequired");

  useEffect(() => {
    // Not when the respondent is already answering (the section was used before hydration).
    if (active && !formRef.current?.contains(document.activeElement)) headingRef.current?.focus();
  }, [active]);
  // Answers given before the page was hydrated: kept (the inline script has stored them too);
  // answers kept on the device but not checked (the page reloaded): checked again.
  const taken = useRef(false);
  useEffect(() => {
    const form = formRef.current;
    if (!form || taken.current) return;
    taken.current = true;
    const kept = readUnsent(token);
    const given = answersOf(form);
    for (const question of shape.questions) {
      if (given[question.name] !== undefined || kept?.answers[question.name] === undefined) continue;
      const i = question.choices.findIndex((c) => c.value === kept.answers[question.name]);
      const input = form.querySelector<HTMLInputElement>(`#first-${question.name}-${i}`);
      if (input) input.checked = true;
    }
    if (Object.keys(given).length) {
      writeUnsent(token, { answers: { ...kept?.answers, ...given }, currentPage: kept?.currentPage ?? 0 });
      onAnswered();
    } else if (kept && shape.questions.some((q) => kept.answers[q.name] !== undefined)) onAnswered();
    // "Next" pressed before the page's code ran (the inline script held it): it goes on now.
    const held = window as { __firstSectionNext?: boolean };
    if (held.__firstSectionNext) {
      delete held.__firstSectionNext;
      goOn(form);
    }
    // Once, on hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (missing.length) summaryRef.current?.focus();
  }, [missing]);

  function answersOf(form: HTMLFormElement): Answers {
    const data = new FormData(form);
    const answers: Answers = {};
    for (const question of shape.questions) {
      const raw = data.get(question.name);
      const choice = question.choices.find((c) => String(c.value) === raw);
      if (choice) answers[question.name] = choice.value;
    }
    return answers;
  }

  function changed(event: FormEvent<HTMLFormElement>) {
    writeUnsent(token, { answers: answersOf(event.currentTarget), currentPage: 0 });
    onAnswered();
  }

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    goOn(event.currentTarget);
  }

  /** "Next": the required questions checked, then on to the second section (SurveyJS). */
  function goOn(form: HTMLFormElement) {
    const answers = answersOf(form);
    const unanswered = shape.questions.filter((q) => q.required && answers[q.name] === undefined);
    setMissing(unanswered);
    if (unanswered.length) return;
    writeUnsent(token, { answers, currentPage: 1 });
    onNext();
  }

  return (
    <div className="first-section">
      {missing.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t("common:form.problem")}</h2>
          <ul>
            {missing.map((q) => (
              <li key={q.name}>
                <a href={`#first-${q.name}-0`}>{requiredError(q)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="section-progress">
        <p className="section-progress-label" id="section-progress-label">
          {sectionLabel}: {shape.title}
        </p>
        <progress max={shape.sectionCount} value={1} aria-labelledby="section-progress-label" />
      </div>
      <h1 className="section-heading" id={headingId} ref={headingRef} tabIndex={-1}>
        {shape.title}
      </h1>
      {shape.description ? <p className="section-description">{shape.description}</p> : null}
      <form method="get" onChange={changed} onSubmit={next} noValidate ref={formRef} data-first-section={token}>
        {/* Before the page's JavaScript runs, "Next" reloads this section rather than the start page. */}
        <input type="hidden" name="start" value="1" />
        {shape.questions.map((q) => {
          const error = missing.includes(q);
          return (
            <fieldset key={q.name} className={`first-question${error ? " has-error" : ""}`}>
              <legend>
                {q.title}
                {q.required ? <span className="visually-hidden"> {t("common:form.required")}</span> : null}
              </legend>
              {q.description ? <p className="hint">{q.description}</p> : null}
              {error ? <p className="error-message">{requiredError(q)}</p> : null}
              {q.choices.map((c, i) => (
                <div key={String(c.value)} className="first-choice">
                  <input
                    type="radio"
                    id={`first-${q.name}-${i}`}
                    name={q.name}
                    value={String(c.value)}
                    data-number={typeof c.value === "number" ? "" : undefined}
                  />
                  <label htmlFor={`first-${q.name}-${i}`}>{c.text}</label>
                </div>
              ))}
            </fieldset>
          );
        })}
        <div className="button-group">
          <button type="submit" className="button">
            {t("runner.next")}
          </button>
        </div>
      </form>
      {/* Keeps answers given before the page's code runs (see above); React's handler follows it. */}
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: keepBeforeHydration(token) }} />
      <p className="visually-hidden" aria-live="polite">
        {sectionLabel}: {shape.title}
      </p>
      {/* Filled by the inline script when "Next" is pressed before the page's code has run; its
          content is the script's, not React's (hence the empty inner HTML, which React leaves). */}
      <p
        role="status"
        className="loading"
        data-first-section-waiting={t("loading.next")}
        dangerouslySetInnerHTML={{ __html: "" }}
      />
    </div>
  );
}

/**
 * The inline script, before any other code has run:
 * - on each change in the section's form, its checked answers merged into the device's unsent
 *   answers (`unsent-answers.ts`'s format and key);
 * - answers already waiting on the device: the page's code is wanted at once
 *   (`window.__deferredEager`, components/deferred-scripts.tsx);
 * - "Next" (or Enter in the form) before the page is hydrated: not the plain form (which would
 *   load the page afresh, with focus at its top and no second section), but the answers kept, a
 *   status saying the next section is loading, and the page's code fetched now; once hydrated
 *   the section goes on (`window.__firstSectionNext`) and the runner puts focus on the second
 *   section's heading. It listens on the window, after React's own handler on the document,
 *   which prevents the default once the page is hydrated.
 */
function keepBeforeHydration(token: string) {
  const key = JSON.stringify(unsentKey(token)).replace(/</g, "\\u003c");
  return `(function(){var c=document.currentScript,p=c&&c.parentNode,f=p&&p.querySelector("form[data-first-section]");if(!f)return;
var k=${key};function keep(){try{var o=JSON.parse(localStorage.getItem(k)||"null")||{answers:{},currentPage:0};
Array.prototype.forEach.call(f.querySelectorAll("input[type=radio]:checked"),function(i){o.answers[i.name]=i.hasAttribute("data-number")?Number(i.value):i.value});
localStorage.setItem(k,JSON.stringify(o))}catch(e){}}
try{if(localStorage.getItem(k))window.__deferredEager=true}catch(e){}
f.addEventListener("change",keep);
addEventListener("submit",function(e){if(e.target!==f||e.defaultPrevented)return;e.preventDefault();keep();window.__firstSectionNext=true;
var s=p.querySelector("[data-first-section-waiting]");if(s)s.textContent=s.getAttribute("data-first-section-waiting");
if(window.__runDeferredScripts)window.__runDeferredScripts();});})();`;
}

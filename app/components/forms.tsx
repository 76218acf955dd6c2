import { Form } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { localiseServerText } from "../domain/i18n/server-text";
import { useT } from "./i18n";

export type FieldErrors = Record<string, string | undefined>;

/**
 * GOV.UK error summary: "There is a problem", a link to each field with the same words as the
 * inline message, focused when it appears.
 */
export function ErrorSummary({ errors, order }: { errors: FieldErrors | undefined; order?: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t, lang } = useT();
  const entries = Object.entries(errors ?? {})
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([field, message]): [string, string] => [field, localiseServerText(message, lang)]);
  if (order) entries.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  });
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("form.problem")}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The GOV.UK frame of a form field: its label, hint and inline error, the error read with the
 * control (aria-describedby) and the control marked invalid. `children` draws the control
 * with those attributes.
 */
function Field({
  id,
  label,
  hint,
  error,
  compact,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** No bottom margin: a field in a row with its button. */
  compact?: boolean;
  children: (described: { "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
}) {
  const { t, lang } = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " has-error" : ""}`} style={compact ? { margin: 0 } : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t("form.error")}</span> {localiseServerText(error, lang)}
        </p>
      ) : null}
      {children({ "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  type = "text",
  defaultValue,
  autoComplete,
  width,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  type?: "text" | "email" | "password" | "date" | "number";
  defaultValue?: string | number;
  autoComplete?: string;
  width?: string;
}) {
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      {(described) => (
        <input
          id={name}
          name={name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          {...described}
          style={width ? { maxWidth: width } : undefined}
        />
      )}
    </Field>
  );
}

/**
 * A labelled select in the GOV.UK pattern, like `TextField`: hint, the inline error (read with
 * the field through aria-describedby, marked aria-invalid), then the choices. `placeholder` is a
 * first choice with an empty value ("Choose…", "Any").
 */
export function SelectField({
  name,
  id = name,
  label,
  options,
  placeholder,
  hint,
  error,
  defaultValue,
  required,
  compact,
}: {
  name: string;
  id?: string;
  label: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  required?: boolean;
  /** No bottom margin: a field in a row with its button. */
  compact?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} compact={compact}>
      {(described) => (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue ?? (placeholder !== undefined ? "" : undefined)}
          required={required}
          {...described}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A one-press action on one row of a table or list (revoke, remove, go to): a small form that
 * posts `intent` and `fields`, shown as a link-style button whose hidden words (`which`) tell a
 * screen reader user which row it acts on.
 */
export function RowAction({
  intent,
  fields,
  label,
  which,
  disabled,
  preventScrollReset,
}: {
  intent: string;
  fields: Record<string, string | number>;
  label: string;
  which: string;
  disabled?: boolean;
  preventScrollReset?: boolean;
}) {
  return (
    <Form method="post" preventScrollReset={preventScrollReset}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="link-button" disabled={disabled}>
        {label}
        <span className="visually-hidden"> {which.trim()}</span>
      </button>
    </Form>
  );
}

/** Turns a zod error into one message per field (the first one). */
export function fieldErrors(issues: { path: (string | number)[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** A server message (a zod message, a refusal) in the page's language: for errors shown inline. */
export function useServerText() {
  const { lang } = useT();
  return (text: string | undefined) => (text ? localiseServerText(text, lang) : text);
}

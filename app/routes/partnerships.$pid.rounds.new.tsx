import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, useServerText, type FieldErrors } from "../components/forms";
import { frameworkTerm } from "../domain/glossary";
import { langOf } from "../language.server";
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "../domain/framework";
import { audit } from "../models/partnership.server";
import { createRound } from "../models/round.server";
import { isoDate } from "../validation";
import deepDiveJson from "../../surveys/deep-dive.json";
import { deepDiveModules } from "../domain/deep-dive-modules";
import type { SurveyJson } from "../domain/instrument";

/** The components that have a deep-dive module a lead can add (the same in the browser and on the server). */
const MODULES = deepDiveModules(deepDiveJson as unknown as SurveyJson);

const dateField = (label: string) =>
  isoDate({ format: `Enter the ${label} as a date, like 2026-12-31`, real: `Enter a real ${label}` });

const RoundSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a name for the round").max(120, "Name must be 120 characters or fewer"),
    form: z.enum(["full", "short"], { errorMap: () => ({ message: "Choose the full or the short questionnaire" }) }),
    includeContinuum: z.literal("on").optional(),
    includeFamily: z.literal("on").optional(),
    opensOn: dateField("opening date"),
    closesOn: dateField("closing date"),
    deepDive: z
      .array(
        z.enum(MODULES as [string, ...string[]], {
          errorMap: () => ({ message: "Choose deep-dive modules from the list" }),
        }),
      )
      .default([]),
    suppressionThreshold: z.coerce
      .number({ invalid_type_error: "Enter the smallest group size as a number" })
      .int("Enter a whole number")
      .min(
        MIN_SUPPRESSION_THRESHOLD,
        `The smallest group size cannot be below ${MIN_SUPPRESSION_THRESHOLD}: smaller groups could identify people`,
      )
      .max(50, "The smallest group size must be 50 or fewer"),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    path: ["closesOn"],
    message: "The closing date must be on or after the opening date",
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership } = await requirePartnershipRole(request, params.pid!, "lead");
  const today = new Date().toISOString().slice(0, 10);
  const inSixWeeks = new Date(Date.now() + 42 * 86400_000).toISOString().slice(0, 10);
  const lang = await langOf(request);
  const modules = MODULES.map((key) => ({ key, name: frameworkTerm("component", key, lang) }));
  return { partnership: { id: partnership.id, name: partnership.name }, today, inSixWeeks, modules };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const form = await request.formData();
  const parsed = RoundSchema.safeParse({ ...Object.fromEntries(form), deepDive: form.getAll("deepDive") });
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const r = parsed.data;
  const id = await db.transaction().execute(async (trx) => {
    const roundId = await createRound(trx, {
      partnershipId: partnership.id,
      name: r.name,
      form: r.form,
      includeContinuum: r.includeContinuum === "on",
      includeFamily: r.includeFamily === "on",
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      suppressionThreshold: r.suppressionThreshold,
      deepDiveModules: [...new Set(r.deepDive)],
    });
    await audit(trx, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId,
      action: "round.opened",
      detail: r.name,
    });
    return roundId;
  });
  return redirect(`/partnerships/${partnership.id}/rounds/${id}`);
}

export default function NewRound() {
  const { partnership, today, inSixWeeks, modules } = useLoaderData<typeof loader>();
  const data = useActionData<{ errors: FieldErrors }>();
  const busy = useNavigation().state !== "idle";
  const { t } = useT("staff");
  const serverText = useServerText();
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>{t("n.title")}</h1>
      <ErrorSummary
        errors={data?.errors}
        order={["name", "form", "deepDive", "opensOn", "closesOn", "suppressionThreshold"]}
      />
      <Form method="post" noValidate>
        <TextField name="name" label={t("n.name")} hint={t("n.nameHint")} error={data?.errors.name} />
        <fieldset className={`field radios${data?.errors.form ? " has-error" : ""}`} id="form">
          <legend>{t("n.which")}</legend>
          {data?.errors.form ? <p className="error-message">{serverText(data.errors.form)}</p> : null}
          <label>
            <input type="radio" name="form" value="full" /> {t("n.full")}
          </label>
          <label>
            <input type="radio" name="form" value="short" /> {t("n.short")}
          </label>
        </fieldset>
        <fieldset className="field checkboxes">
          <legend>{t("n.also")}</legend>
          <label>
            <input type="checkbox" name="includeContinuum" defaultChecked /> {t("n.continuum")}
          </label>
          <label>
            <input type="checkbox" name="includeFamily" /> {t("n.family")}
          </label>
        </fieldset>
        <fieldset className={`field checkboxes${data?.errors.deepDive ? " has-error" : ""}`} id="deepDive">
          <legend>{t("n.deepDive")}</legend>
          <p className="hint">{t("n.deepDiveHint")}</p>
          {data?.errors.deepDive ? <p className="error-message">{serverText(data.errors.deepDive)}</p> : null}
          {modules.map((m) => (
            <label key={m.key}>
              <input type="checkbox" name="deepDive" value={m.key} /> {m.name}
            </label>
          ))}
        </fieldset>
        <TextField
          name="opensOn"
          label={t("n.opens")}
          type="date"
          defaultValue={today}
          error={data?.errors.opensOn}
          width="12rem"
        />
        <TextField
          name="closesOn"
          label={t("n.closes")}
          type="date"
          defaultValue={inSixWeeks}
          error={data?.errors.closesOn}
          width="12rem"
        />
        <TextField
          name="suppressionThreshold"
          label={t("n.threshold")}
          type="number"
          defaultValue={DEFAULT_SUPPRESSION_THRESHOLD}
          hint={t("n.thresholdHint", { usual: DEFAULT_SUPPRESSION_THRESHOLD, min: MIN_SUPPRESSION_THRESHOLD })}
          error={data?.errors.suppressionThreshold}
          width="6rem"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("n.busy") : t("n.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "staff")("n.title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

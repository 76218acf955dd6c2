import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, type FieldErrors } from "../components/forms";
import { COMPONENTS, DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "../domain/framework";
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
  const modules = MODULES.map((key) => ({ key, name: COMPONENTS.find((c) => c.key === key)!.name }));
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
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>Open a new round</h1>
      <ErrorSummary
        errors={data?.errors}
        order={["name", "form", "deepDive", "opensOn", "closesOn", "suppressionThreshold"]}
      />
      <Form method="post" noValidate>
        <TextField
          name="name"
          label="Name of the round"
          hint="For example, Spring 2027 self-assessment"
          error={data?.errors.name}
        />
        <fieldset className={`field radios${data?.errors.form ? " has-error" : ""}`} id="form">
          <legend>Which questionnaire?</legend>
          {data?.errors.form ? <p className="error-message">{data.errors.form}</p> : null}
          <label>
            <input type="radio" name="form" value="full" /> Full questionnaire: all 13 components in depth (about 25
            minutes)
          </label>
          <label>
            <input type="radio" name="form" value="short" /> Short form: one question per component (about 5 minutes),
            for a first look or a board meeting
          </label>
        </fieldset>
        <fieldset className="field checkboxes">
          <legend>Also include</legend>
          <label>
            <input type="checkbox" name="includeContinuum" defaultChecked /> Continuum of integration: how far services
            work together now, where they should be, and how each agency works with each other agency
          </label>
          <label>
            <input type="checkbox" name="includeFamily" /> Family voice: a short questionnaire for children, young
            people, parents and carers, with its own link
          </label>
        </fieldset>
        <fieldset className={`field checkboxes${data?.errors.deepDive ? " has-error" : ""}`} id="deepDive">
          <legend>Deep-dive modules (optional)</legend>
          <p className="hint">
            Extra questions on one part of working together, for example after a first round shows concern about
            information sharing. Each is reported question by question beside its component; component scores still come
            from the core questions, so rounds stay comparable.
          </p>
          {data?.errors.deepDive ? <p className="error-message">{data.errors.deepDive}</p> : null}
          {modules.map((m) => (
            <label key={m.key}>
              <input type="checkbox" name="deepDive" value={m.key} /> {m.name}
            </label>
          ))}
        </fieldset>
        <TextField
          name="opensOn"
          label="Opening date"
          type="date"
          defaultValue={today}
          error={data?.errors.opensOn}
          width="12rem"
        />
        <TextField
          name="closesOn"
          label="Closing date"
          type="date"
          defaultValue={inSixWeeks}
          error={data?.errors.closesOn}
          width="12rem"
        />
        <TextField
          name="suppressionThreshold"
          label="Smallest group size to show results for"
          type="number"
          defaultValue={DEFAULT_SUPPRESSION_THRESHOLD}
          hint={`No figure is shown for a group smaller than this, so no one's answers can be picked out. ${DEFAULT_SUPPRESSION_THRESHOLD} is usual; it cannot be below ${MIN_SUPPRESSION_THRESHOLD}.`}
          error={data?.errors.suppressionThreshold}
          width="6rem"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Opening…" : "Open round"}
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Open a new round" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

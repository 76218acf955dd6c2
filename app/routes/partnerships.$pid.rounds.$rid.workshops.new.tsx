import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { frameworkTerm } from "../domain/glossary";
import { localiseServerText } from "../domain/i18n/server-text";
import { langOf } from "../language.server";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, useServerText, type FieldErrors } from "../components/forms";
import { COMPONENTS, COMPONENT_KEYS, type ComponentKey } from "../domain/framework";
import { audit } from "../models/partnership.server";
import { getRound } from "../models/round.server";
import { createWorkshop } from "../models/workshop.server";

const orderField = z.union([
  z.literal(""),
  z.coerce
    .number({ invalid_type_error: "Enter the order as a number" })
    .int("Enter the order as a whole number")
    .min(1, "Enter an order from 1 to 99")
    .max(99, "Enter an order from 1 to 99"),
]);

const WorkshopSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the workshop").max(120, "Name must be 120 characters or fewer"),
  components: z
    .array(z.enum(COMPONENT_KEYS, { errorMap: () => ({ message: "Choose components from the list" }) }))
    .min(1, "Choose at least one component to cover")
    .refine((list) => new Set(list).size === list.length, "Choose each component once"),
  order: z.record(orderField),
  expected: z.union([
    z.literal(""),
    z.coerce
      .number({ invalid_type_error: "Enter the number of people as a number" })
      .int("Enter the number of people as a whole number")
      .min(1, "Enter a number of people from 1 to 1,000")
      .max(1000, "Enter a number of people from 1 to 1,000"),
  ]),
  confirmSmall: z.literal("yes").optional(),
});

/** The chosen components by the order the facilitator typed (blank goes last), ties in framework order. */
function ordered(components: ComponentKey[], order: Record<string, number | "">): ComponentKey[] {
  const rank = (key: ComponentKey) => {
    const typed = order[key];
    return typeof typed === "number" ? typed : 100;
  };
  return [...components].sort((a, b) => rank(a) - rank(b) || COMPONENT_KEYS.indexOf(a) - COMPONENT_KEYS.indexOf(b));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "facilitator");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  return {
    partnership: { id: partnership.id, name: partnership.name },
    round: { id: round.id, name: round.name, threshold: round.suppression_threshold },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "facilitator");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const form = await request.formData();
  const order: Record<string, FormDataEntryValue> = {};
  for (const key of COMPONENT_KEYS) order[key] = form.get(`order_${key}`) ?? "";
  const parsed = WorkshopSchema.safeParse({
    name: form.get("name") ?? "",
    components: form.getAll("components"),
    order,
    expected: form.get("expected") ?? "",
    confirmSmall: form.get("confirmSmall") ?? undefined,
  });
  if (!parsed.success) {
    const lang = await langOf(request);
    const errors = fieldErrors(parsed.error.issues);
    // One message per order box, keyed by its id so the error summary links to it.
    for (const key of COMPONENT_KEYS) {
      if (errors[`order.${key}`]) {
        errors[`order_${key}`] =
          `${frameworkTerm("component", key, lang)}: ${localiseServerText(errors[`order.${key}`]!, lang)}`;
        delete errors[`order.${key}`];
      }
    }
    return Response.json({ errors }, { status: 400 });
  }
  const { expected, confirmSmall } = parsed.data;
  if (typeof expected === "number" && expected < round.suppression_threshold && !confirmSmall) {
    // A warning, not an error: the facilitator may go ahead, knowing no spread will be shown.
    return Response.json({ errors: {}, smallGroup: { expected, threshold: round.suppression_threshold } });
  }
  const components = ordered(parsed.data.components, parsed.data.order);
  const { id } = await createWorkshop(db, {
    partnershipId: partnership.id,
    roundId: round.id,
    name: parsed.data.name,
    components,
    createdBy: user.id,
  });
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    roundId: round.id,
    action: "workshop.created",
    detail: parsed.data.name,
  });
  return redirect(`/partnerships/${partnership.id}/rounds/${round.id}/workshops/${id}`);
}

export default function NewWorkshop() {
  const { partnership, round } = useLoaderData<typeof loader>();
  const data = useActionData<{ errors: FieldErrors; smallGroup?: { expected: number; threshold: number } }>();
  const busy = useNavigation().state !== "idle";
  const errors = data?.errors ?? {};
  const { t, lang } = useT("console");
  const serverText = useServerText();
  return (
    <div>
      <span className="caption">
        {partnership.name} · {round.name}
      </span>
      <h1>{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      <p>{t("new.privacy", { threshold: round.threshold })}</p>
      <ErrorSummary
        errors={data?.errors}
        order={["name", "components", "expected", ...COMPONENT_KEYS.map((k) => `order_${k}`)]}
      />
      {data?.smallGroup ? (
        <div className="workshop-warning" role="alert" data-testid="small-group-warning">
          <h2>{t("new.smallTitle")}</h2>
          <p>{t("new.small", { count: data.smallGroup.expected, threshold: data.smallGroup.threshold })}</p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <TextField name="name" label={t("new.name")} hint={t("new.nameHint")} error={errors.name} />
        <fieldset
          className={`field${errors.components ? " has-error" : ""}`}
          id="components"
          aria-describedby="components-hint"
        >
          <legend>{t("new.which")}</legend>
          <p className="hint" id="components-hint">
            {t("new.whichHint")}
          </p>
          {errors.components ? (
            <p className="error-message">
              <span className="visually-hidden">{t("common:form.error")}</span> {serverText(errors.components)}
            </p>
          ) : null}
          <ul className="workshop-picker">
            {COMPONENTS.map((c, i) => (
              <li key={c.key} className={errors[`order_${c.key}`] ? "has-error" : undefined}>
                <label className="workshop-pick">
                  <input type="checkbox" name="components" value={c.key} defaultChecked />
                  <span>{frameworkTerm("component", c.key, lang)}</span>
                </label>
                <label className="workshop-order" htmlFor={`order_${c.key}`}>
                  {t("new.order")}
                  <span className="visually-hidden">
                    {t("new.orderOf", { component: frameworkTerm("component", c.key, lang) })}
                  </span>
                </label>
                <input
                  id={`order_${c.key}`}
                  name={`order_${c.key}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={99}
                  defaultValue={i + 1}
                  aria-invalid={errors[`order_${c.key}`] ? true : undefined}
                />
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          name="expected"
          label={t("new.expected")}
          hint={t("new.expectedHint", { threshold: round.threshold })}
          error={errors.expected}
          width="6rem"
          type="number"
        />
        <div className="button-group">
          {data?.smallGroup ? (
            <button type="submit" className="button" name="confirmSmall" value="yes" disabled={busy}>
              {busy ? t("new.busy") : t("new.anyway")}
            </button>
          ) : (
            <button type="submit" className="button" disabled={busy}>
              {busy ? t("new.busy") : t("new.create")}
            </button>
          )}
          <Link to={`/partnerships/${partnership.id}/rounds/${round.id}`}>{t("new.back")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "console")("new.title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

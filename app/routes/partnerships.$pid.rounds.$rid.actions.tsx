import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, SelectField, TextField, fieldErrors, type FieldErrors } from "../components/forms";
import { BandTag } from "../components/report/figures";
import { COMPONENTS, COMPONENT_KEYS, component as componentInfo, type ComponentKey } from "../domain/framework";
import { citation, entriesByKey } from "../domain/evidence";
import { ACTION_STATUSES, ACTION_STATUS_NAMES } from "../domain/action-plan";
import {
  createActionItem,
  deleteActionItem,
  getActionItem,
  listActionItems,
  updateActionItem,
} from "../models/action-plan.server";
import { audit } from "../models/partnership.server";
import { EVIDENCE, roundReport, suggestedActions } from "../models/report.server";
import { getRound } from "../models/round.server";
import { isIsoDate } from "../validation";
import reportCss from "../styles/report.css";
import { formatDate } from "../domain/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportCss }];

const FIELD_ORDER = ["component", "description", "owner", "dueOn", "status"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, canLead, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const report = await roundReport(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!report) throw new Response("Round not found.", { status: 404 });
  const result = report.result;
  const components =
    result.status === "ok" && result.professional.status === "ok" ? result.professional.components : [];
  // Suggestions for components in concern or borderline, weakest first (DESIGN: the plan starts where the scores are lowest).
  const weak = components
    .filter((c) => c.overall.status === "ok" && c.overall.band !== "strength")
    .sort((a, b) => (a.overall.status === "ok" && b.overall.status === "ok" ? a.overall.score - b.overall.score : 0))
    .map((c) => ({
      component: c.component,
      name: c.name,
      score: c.overall.status === "ok" ? c.overall.score : null,
      band: c.overall.status === "ok" ? c.overall.band : null,
    }));
  const suggestions = canLead ? suggestedActions(weak.map((w) => w.component)) : [];
  const entries = entriesByKey(EVIDENCE);
  const items = (await listActionItems(db, { partnershipId: partnership.id, roundId: report.round.id })).map((item) => {
    const entry = item.evidence_key ? entries.get(item.evidence_key) : undefined;
    return { ...item, citations: entry ? [...new Set(entry.sources.map((s) => citation(EVIDENCE, s)))] : [] };
  });
  const url = new URL(request.url);
  const editing =
    canLead && url.searchParams.get("edit") ? (items.find((i) => i.id === url.searchParams.get("edit")) ?? null) : null;
  const adopting =
    canLead && url.searchParams.get("adopt")
      ? (suggestions.find((s) => s.evidenceKey === url.searchParams.get("adopt")) ?? null)
      : null;
  return {
    partnership: { id: partnership.id, name: partnership.name },
    round: { id: report.round.id, name: report.round.name },
    canLead,
    hasResults: components.length > 0,
    weak,
    suggestions,
    items,
    editing,
    adopting,
  };
}

const SaveSchema = z.object({
  intent: z.literal("save"),
  id: z.string().optional(),
  component: z.enum(COMPONENT_KEYS, { errorMap: () => ({ message: "Choose the component this action is for" }) }),
  description: z
    .string()
    .trim()
    .min(1, "Describe the action")
    .max(1000, "Describe the action in 1,000 characters or fewer"),
  evidenceKey: z.string().optional(),
  owner: z.string().trim().min(1, "Enter who owns this action").max(200, "Enter the owner in 200 characters or fewer"),
  dueOn: z
    .string()
    .trim()
    .min(1, "Enter the date the action is due")
    .refine(isIsoDate, "The due date must be a real date, like 2027-03-31"),
  // A new action starts "Not started" (the form checks it too): a missing status is that, a wrong one is refused.
  status: z
    .enum(ACTION_STATUSES, { errorMap: () => ({ message: "Choose the action's status" }) })
    .default("not_started"),
});
const DeleteSchema = z.object({ intent: z.literal("delete"), id: z.string().min(1) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  // Only the round's id is needed here: no scoring on a save.
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const form = Object.fromEntries(await request.formData());
  const planUrl = `/partnerships/${partnership.id}/rounds/${round.id}/actions#plan`;
  if (form.intent === "delete") {
    const parsed = DeleteSchema.safeParse(form);
    if (!parsed.success) throw new Response("That action is not recognised.", { status: 400 });
    if (!(await deleteActionItem(db, { partnershipId: partnership.id, roundId: round.id, id: parsed.data.id })))
      throw new Response("Action not found.", { status: 404 });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "action_plan.item_deleted",
    });
    return redirect(planUrl);
  }
  const parsed = SaveSchema.safeParse(form);
  if (!parsed.success) {
    return Response.json(
      { errors: fieldErrors(parsed.error.issues), values: form as Record<string, string> },
      { status: 400 },
    );
  }
  const input = parsed.data;
  // An evidence key is kept only when it names a register entry of the same component.
  const entry = input.evidenceKey ? entriesByKey(EVIDENCE).get(input.evidenceKey) : undefined;
  const action = {
    component: input.component,
    description: input.description,
    evidenceKey: entry && entry.component === input.component ? entry.key : null,
    owner: input.owner,
    dueOn: input.dueOn,
    status: input.status,
  };
  if (input.id) {
    const existing = await getActionItem(db, { partnershipId: partnership.id, id: input.id });
    if (!existing || existing.round_id !== round.id) throw new Response("Action not found.", { status: 404 });
    await updateActionItem(db, { partnershipId: partnership.id, roundId: round.id, id: input.id, action });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "action_plan.item_updated",
      detail: input.component,
    });
  } else {
    await createActionItem(db, { partnershipId: partnership.id, roundId: round.id, userId: user.id, action });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "action_plan.item_added",
      detail: input.component,
    });
  }
  return redirect(planUrl);
}

export default function ActionPlanPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ errors?: FieldErrors; values?: Record<string, string> }>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.errors;
  const base = `/partnerships/${data.partnership.id}/rounds/${data.round.id}`;
  const from = data.editing
    ? {
        id: data.editing.id,
        component: data.editing.component,
        description: data.editing.description,
        evidenceKey: data.editing.evidence_key ?? "",
        owner: data.editing.owner,
        dueOn: data.editing.due_on,
        status: data.editing.status,
      }
    : data.adopting
      ? {
          id: "",
          component: data.adopting.component,
          description: data.adopting.action,
          evidenceKey: data.adopting.evidenceKey,
          owner: "",
          dueOn: "",
          status: "not_started",
        }
      : { id: "", component: "", description: "", evidenceKey: "", owner: "", dueOn: "", status: "not_started" };
  const values = { ...from, ...actionData?.values };
  const formKey = `${values.id}-${values.evidenceKey}-${actionData ? "posted" : "fresh"}`;
  const byComponent = (key: ComponentKey) => data.suggestions.filter((s) => s.component === key);
  // After Adopt or Change (a link to ?adopt= or ?edit=), focus moves to the form's heading, so
  // that keyboard and screen-reader users land where the page has just filled in the action.
  const formHeading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const target = data.adopting?.evidenceKey ?? data.editing?.id ?? null;
  useEffect(() => {
    if (target && !actionData) formHeading.current?.focus();
  }, [target, location.key, actionData]);

  return (
    <div>
      <span className="caption">{data.partnership.name}</span>
      <h1>Action plan: {data.round.name}</h1>
      {data.canLead ? <ErrorSummary errors={errors} order={FIELD_ORDER} /> : null}
      <p>
        What the partnership agreed to do after <Link to={`${base}/results`}>this round's results</Link>. The next
        round's report shows these actions beside the change in each component.
      </p>

      <h2 id="plan">The plan</h2>
      {data.items.length ? (
        <ul
          className="button-group no-print"
          aria-label="Download or print the plan"
          style={{ listStyle: "none", padding: 0 }}
        >
          <li>
            <a href={`${base}/actions.csv`} download>
              The plan (CSV)
            </a>
          </li>
          <li>
            <a href={`${base}/actions.csv?excel=1`} download>
              The plan for Excel (CSV)
            </a>
          </li>
          <ClientOnly>
            {() => (
              <li>
                <button type="button" className="button secondary" onClick={() => window.print()}>
                  Print the plan
                </button>
              </li>
            )}
          </ClientOnly>
        </ul>
      ) : null}
      {data.items.length ? (
        <div tabIndex={0} role="region" aria-label="Table: agreed actions" className="table-scroll">
          <table className="plan-table" data-testid="action-plan">
            <caption className="visually-hidden">Agreed actions</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                {data.canLead ? (
                  <th scope="col" className="no-print">
                    <span className="visually-hidden">Change</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>{componentInfo(item.component).name}</td>
                  <td>
                    {item.description}
                    {item.citations.length ? (
                      <span className="hint">
                        <br />
                        Evidence: {item.citations.join("; ")}
                      </span>
                    ) : null}
                  </td>
                  <td>{item.owner}</td>
                  <td>{formatDate(item.due_on)}</td>
                  <td>
                    <span className={`tag status-${item.status}`}>{ACTION_STATUS_NAMES[item.status]}</span>
                  </td>
                  {data.canLead ? (
                    <td className="no-print">
                      <Link to={`?edit=${item.id}#action-form`}>
                        Change<span className="visually-hidden"> the action: {item.description}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No actions have been agreed yet.</p>
      )}

      {data.canLead ? (
        <>
          <section aria-labelledby="action-form-title" className="panel no-print" id="action-form">
            <h2 id="action-form-title" style={{ marginTop: 0 }} tabIndex={-1} ref={formHeading}>
              {values.id ? "Change an action" : "Add an action"}
            </h2>
            <Form method="post" key={formKey} noValidate>
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="id" value={values.id} />
              <input type="hidden" name="evidenceKey" value={values.evidenceKey} />
              <SelectField
                name="component"
                label="Component"
                placeholder="Choose a component"
                options={COMPONENTS.map((c) => ({ value: c.key, label: c.name }))}
                defaultValue={values.component}
                error={errors?.component}
              />
              <div className={`field${errors?.description ? " has-error" : ""}`}>
                <label htmlFor="description">What will be done</label>
                {errors?.description ? (
                  <p className="error-message" id="description-error">
                    <span className="visually-hidden">Error:</span> {errors.description}
                  </p>
                ) : null}
                <textarea
                  id="description"
                  name="description"
                  defaultValue={values.description}
                  rows={4}
                  aria-describedby={errors?.description ? "description-error" : undefined}
                  aria-invalid={errors?.description ? true : undefined}
                />
              </div>
              <TextField
                name="owner"
                label="Owner"
                hint="A named person or role, like 'Head of early help'."
                defaultValue={values.owner}
                error={errors?.owner}
              />
              <TextField
                name="dueOn"
                label="Due date"
                type="date"
                defaultValue={values.dueOn}
                error={errors?.dueOn}
                width="12rem"
              />
              <fieldset
                className={`field${errors?.status ? " has-error" : ""}`}
                aria-describedby={errors?.status ? "status-error" : undefined}
              >
                <legend>Status</legend>
                {errors?.status ? (
                  <p className="error-message" id="status-error">
                    <span className="visually-hidden">Error:</span> {errors.status}
                  </p>
                ) : null}
                <div className="radios">
                  {ACTION_STATUSES.map((s, i) => (
                    <label key={s}>
                      <input
                        type="radio"
                        name="status"
                        value={s}
                        id={i === 0 ? "status" : `status-${s}`}
                        defaultChecked={values.status === s}
                      />{" "}
                      {ACTION_STATUS_NAMES[s]}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="button-group">
                <button type="submit" className="button" disabled={busy}>
                  Save action
                </button>
                {values.id || values.evidenceKey ? <Link to={`${base}/actions#plan`}>Cancel</Link> : null}
              </div>
            </Form>
            {values.id ? (
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={values.id} />
                <button type="submit" className="button warning" disabled={busy}>
                  Remove this action
                </button>
              </Form>
            ) : null}
          </section>

          <div className="no-print">
            <h2 id="suggestions">Suggested actions from the evidence</h2>
            {!data.hasResults ? (
              <p>Suggestions appear once the round has results.</p>
            ) : data.weak.length === 0 ? (
              <p>Every component that can be shown is a strength. Keep doing what works.</p>
            ) : (
              <>
                <p>
                  For each component in concern or borderline, weakest first: steps the research found helped. Adopt one
                  to copy it into the form above, then add an owner and a due date.
                </p>
                {data.weak.map((w) => (
                  <section key={w.component} aria-labelledby={`suggest-${w.component}`}>
                    <h3 id={`suggest-${w.component}`}>
                      {w.name} <span className="hint">{w.score?.toFixed(1)}</span>{" "}
                      {w.band ? <BandTag band={w.band} /> : null}
                    </h3>
                    {byComponent(w.component).length ? (
                      <>
                        <SuggestionList
                          suggestions={byComponent(w.component).slice(0, 3)}
                          testid={`suggestions-${w.component}`}
                        />
                        {byComponent(w.component).length > 3 ? (
                          <details>
                            <summary>
                              {byComponent(w.component).length - 3} more suggestions for {w.name.toLowerCase()}
                            </summary>
                            <SuggestionList suggestions={byComponent(w.component).slice(3)} />
                          </details>
                        ) : null}
                      </>
                    ) : (
                      <p className="hint">
                        The evidence register has no suggested action for this component yet. Write your own above.
                      </p>
                    )}
                  </section>
                ))}
              </>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}

function SuggestionList({
  suggestions,
  testid,
}: {
  suggestions: { evidenceKey: string; action: string; citations: string[] }[];
  testid?: string;
}) {
  return (
    <ul className="suggestions" data-testid={testid}>
      {suggestions.map((s) => (
        <li key={s.evidenceKey}>
          <p>{s.action}</p>
          <p className="hint">
            Evidence: {s.citations.slice(0, 2).join("; ")}
            {s.citations.length > 2 ? ` and ${s.citations.length - 2} more` : ""}
          </p>
          <Link to={`?adopt=${s.evidenceKey}#action-form`}>
            Adopt<span className="visually-hidden"> the action: {s.action}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Action plan: ${data.round.name} – ${data.partnership.name}` : "Action plan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

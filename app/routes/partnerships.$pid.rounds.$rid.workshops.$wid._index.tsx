import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { z } from "zod";
import { requireFacilitatedWorkshop } from "../access/workshop.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, RowAction, TextField, fieldErrors, useServerText, type FieldErrors } from "../components/forms";
import { frameworkTerm } from "../domain/glossary";
import { ConnectionStatus, RatingSpread, useLiveState } from "../components/workshop";
import { COMPONENT_KEYS, component as componentOf } from "../domain/framework";
import { RATING_ANCHORS } from "../domain/workshop";
import { audit } from "../models/partnership.server";
import { isoDate } from "../validation";
import { formatDate } from "../domain/dates";
import {
  addWorkshopAction,
  endWorkshop,
  loadProjectorState,
  moveToComponent,
  recordConsensus,
  removeWorkshopAction,
  setRevealed,
  setVoting,
  workshopComponents,
  type ProjectorState,
} from "../models/workshop.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, round, workshop, db } = await requireFacilitatedWorkshop(request, params);
  const state = await loadProjectorState(db, workshop.id);
  if (!state) throw new Response("Workshop not found.", { status: 404 });
  const origin = new URL(request.url).origin;
  const joinUrl = `${origin}/join/${workshop.join_code}`;
  return {
    partnership: { id: partnership.id, name: partnership.name },
    round: { id: round.id, name: round.name },
    workshop: { id: workshop.id, name: workshop.name, joinCode: workshop.join_code },
    joinUrl,
    joinPage: `${origin}/join`,
    state,
  };
}

const component = z.enum(COMPONENT_KEYS, {
  errorMap: () => ({ message: "That component is not part of the framework" }),
});
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open_voting") }),
  z.object({ intent: z.literal("close_voting") }),
  z.object({ intent: z.literal("reveal") }),
  z.object({ intent: z.literal("hide") }),
  z.object({
    intent: z.literal("move"),
    index: z.coerce.number({ invalid_type_error: "Choose a component to move to" }).int().min(0),
  }),
  z.object({ intent: z.literal("end") }),
  z.object({
    intent: z.literal("consensus"),
    component,
    score: z.coerce
      .number({ invalid_type_error: "Choose the score the group agreed" })
      .int("Choose the score the group agreed")
      .min(0, "Choose the score the group agreed")
      .max(5, "Choose the score the group agreed"),
    notes: z.string().trim().max(2000, "Notes must be 2,000 characters or fewer").default(""),
  }),
  z.object({
    intent: z.literal("add_action"),
    component,
    description: z
      .string()
      .trim()
      .min(1, "Enter what will be done")
      .max(500, "The action must be 500 characters or fewer"),
    owner: z.string().trim().min(1, "Enter who will do it").max(120, "The owner must be 120 characters or fewer"),
    dueOn: z
      .union([
        z.literal(""),
        isoDate({ format: "Enter the due date as a date, like 2027-06-30", real: "Enter a real due date" }),
      ])
      .default(""),
  }),
  z.object({ intent: z.literal("remove_action"), actionId: z.string().min(1).max(100) }),
]);

type ActionResult = { ok: false; form?: "consensus" | "action"; message?: string; errors?: FieldErrors };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, round, workshop, db } = await requireFacilitatedWorkshop(request, params);
  const raw: Record<string, FormDataEntryValue | undefined> = Object.fromEntries(await request.formData());
  if (raw.intent === "add_action") {
    // The fields are named by their form on the page (action-owner), as their ids are.
    raw.description = raw["action-description"];
    raw.owner = raw["action-owner"];
    raw.dueOn = raw["action-dueOn"];
  }
  const parsed = ActionSchema.safeParse(raw);
  if (!parsed.success) {
    const form = raw.intent === "consensus" ? "consensus" : raw.intent === "add_action" ? "action" : undefined;
    const errors = fieldErrors(parsed.error.issues);
    // Field ids on the page are prefixed by their form.
    const prefixed: FieldErrors = {};
    for (const [k, v] of Object.entries(errors)) prefixed[form ? `${form}-${k}` : k] = v;
    return Response.json(
      {
        ok: false,
        form,
        errors: form ? prefixed : undefined,
        message: form ? undefined : "That action is not recognised.",
      } satisfies ActionResult,
      { status: 400 },
    );
  }
  const input = parsed.data;
  if (workshop.status === "ended") {
    return Response.json(
      { ok: false, message: "This session has ended, so it can no longer be changed." } satisfies ActionResult,
      { status: 410 },
    );
  }
  const scope = { partnershipId: partnership.id, workshopId: workshop.id };
  switch (input.intent) {
    case "open_voting":
    case "close_voting":
      await setVoting(db, { ...scope, open: input.intent === "open_voting" });
      break;
    case "reveal":
    case "hide":
      if ((await setRevealed(db, { ...scope, revealed: input.intent === "reveal" })) === "voting_open") {
        return Response.json(
          {
            ok: false,
            message: "Close voting before revealing the ratings: they are shown only once everyone has voted.",
          } satisfies ActionResult,
          { status: 409 },
        );
      }
      break;
    case "move":
      if (!(await moveToComponent(db, { ...scope, index: input.index }))) {
        return Response.json(
          { ok: false, message: "There is no component at that position in this session." } satisfies ActionResult,
          { status: 400 },
        );
      }
      break;
    case "end":
      await endWorkshop(db, scope);
      await audit(db, {
        userId: user.id,
        partnershipId: partnership.id,
        roundId: round.id,
        action: "workshop.ended",
        detail: workshop.name,
      });
      break;
    case "consensus":
      if (!workshopComponents(workshop).includes(input.component)) {
        return Response.json(
          {
            ok: false,
            form: "consensus",
            errors: { "consensus-score": "That component is not part of this session" },
          } satisfies ActionResult,
          { status: 400 },
        );
      }
      await recordConsensus(db, {
        ...scope,
        component: input.component,
        score: input.score as 0 | 1 | 2 | 3 | 4 | 5,
        notes: input.notes,
        recordedBy: user.id,
      });
      break;
    case "add_action":
      if (
        !(await addWorkshopAction(db, {
          ...scope,
          component: input.component,
          description: input.description,
          owner: input.owner,
          dueOn: input.dueOn || null,
        }))
      ) {
        return Response.json(
          {
            ok: false,
            form: "action",
            errors: { "action-description": "That component is not part of this session" },
          } satisfies ActionResult,
          { status: 400 },
        );
      }
      break;
    case "remove_action":
      await removeWorkshopAction(db, { ...scope, actionId: input.actionId });
      break;
  }
  // Back to the console's own address: after any action the address bar has no `?index`, and
  // a reload does not post again.
  return redirect(`/partnerships/${partnership.id}/rounds/${round.id}/workshops/${workshop.id}`, 303);
}

const ended = (s: ProjectorState) => s.status === "ended";

/**
 * The facilitator's console: the controls, the consensus, notes and actions, on a laptop or a
 * phone. The room watches the projector screen (`./screen`), which follows the same live
 * stream. Every form posts through one fetcher, so the page never navigates to `?index`; on
 * success the action redirects back here, and the stream brings the new state.
 */
export default function WorkshopConsole() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionResult>();
  const result = fetcher.data;
  const busyIntent = fetcher.state !== "idle" ? fetcher.formData?.get("intent") : null;
  const base = `/partnerships/${data.partnership.id}/rounds/${data.round.id}/workshops/${data.workshop.id}`;
  const { state, connection } = useLiveState(`${base}/events`, data.state as ProjectorState, { stopWhen: ended });
  const current = state.current;
  const info = current ? componentOf(current.key) : null;
  const isEnded = state.status === "ended";
  const errors = result && !result.ok ? result.errors : undefined;
  const threshold = state.threshold;
  const { t, lang } = useT("console");
  const tw = useT("workshop").t;
  const serverText = useServerText();
  const componentName = (key: string) => frameworkTerm("component", key, lang);
  const anchorLabel = (value: number) => tw(`rating.${value}.label`);
  const Form = fetcher.Form;

  return (
    <div className="workshop-console">
      <div className="console-top">
        <div>
          <span className="caption">
            {data.partnership.name} · {data.round.name} · {t("c.caption")}
          </span>
          <h1>{data.workshop.name}</h1>
        </div>
        {!isEnded ? (
          <Link to={`${base}/screen`} target="_blank" rel="noopener" className="button secondary">
            {t("c.projector")}
          </Link>
        ) : null}
      </div>
      {isEnded ? (
        <div className="notice">
          <p>
            <strong>{t("c.ended")}</strong>
            {t("c.endedRest")}
          </p>
          <p>
            <Link to={`${base}/summary`}>{t("c.seeSummary")}</Link>
          </p>
        </div>
      ) : (
        <section className="console-join" aria-labelledby="join-heading">
          <h2 id="join-heading" className="visually-hidden">
            {t("c.howToJoin")}
          </h2>
          <p>
            {t("c.code")}{" "}
            <span className="console-code" data-testid="join-code">
              {data.workshop.joinCode}
            </span>
          </p>
          <p>
            {t("c.at")} <strong>{data.joinPage}</strong>
          </p>
          <p>
            {t("c.joined", { count: state.participants })
              .split(String(state.participants))
              .flatMap((part, i) =>
                i
                  ? [
                      <span key={i} data-testid="participant-count">
                        {state.participants}
                      </span>,
                      part,
                    ]
                  : [part],
              )}
          </p>
        </section>
      )}
      {!isEnded && state.participants < threshold ? (
        <p className="workshop-warning" data-testid="small-room-warning">
          {state.participants === 0
            ? t("c.smallRoomNone", { threshold })
            : t("c.smallRoom", { count: state.participants, threshold })}
        </p>
      ) : null}
      <ConnectionStatus connection={connection} />
      {result && !result.ok && result.message ? (
        <div className="error-summary" role="alert">
          <h2>{t("c.problem")}</h2>
          <p>{serverText(result.message)}</p>
        </div>
      ) : null}

      {current && info ? (
        <section aria-labelledby="component-heading" className="workshop-current">
          <p className="caption">{t("c.position", { n: state.position + 1, total: state.total })}</p>
          <h2 id="component-heading">{componentName(info.key)}</h2>
          <p className="lead">{frameworkTerm("component_description", info.key, lang)}</p>

          <div className="workshop-voting" role="status" aria-live="polite">
            <span className={`tag ${current.votingOpen ? "green" : "grey"}`}>
              {current.votingOpen ? t("c.votingOpen") : t("c.votingClosed")}
            </span>{" "}
            {t("c.votes", { count: current.votes })
              .split(String(current.votes))
              .flatMap((part, i) =>
                i
                  ? [
                      <span key={i} data-testid="vote-count">
                        {current.votes}
                      </span>,
                      part,
                    ]
                  : [part],
              )}
            {current.revealed ? null : <span className="hint">{t("c.hiddenUntil")}</span>}
          </div>

          {!isEnded ? (
            <>
              <div className="button-group workshop-controls">
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value={current.votingOpen ? "close_voting" : "open_voting"} />
                  <button
                    type="submit"
                    className={`button${current.votingOpen ? " warning" : ""}`}
                    disabled={Boolean(busyIntent)}
                  >
                    {current.votingOpen ? t("c.closeVoting") : current.votes > 0 ? t("c.newVote") : t("c.openVoting")}
                  </button>
                </Form>
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value={current.revealed ? "hide" : "reveal"} />
                  <button
                    type="submit"
                    className="button secondary"
                    disabled={Boolean(busyIntent) || (current.votingOpen && !current.revealed)}
                    aria-describedby="reveal-hint"
                  >
                    {current.revealed ? t("c.hide") : t("c.reveal")}
                  </button>
                </Form>
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="index" value={state.position - 1} />
                  <button
                    type="submit"
                    className="button secondary"
                    disabled={Boolean(busyIntent) || state.position === 0}
                  >
                    {t("c.previous")}
                  </button>
                </Form>
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="index" value={state.position + 1} />
                  <button
                    type="submit"
                    className="button secondary"
                    disabled={Boolean(busyIntent) || state.position + 1 >= state.total}
                  >
                    {t("c.next")}
                  </button>
                </Form>
              </div>
              <p className="hint" id="reveal-hint">
                {current.votingOpen ? t("c.hintClose") : current.votes > 0 ? t("c.hintNew") : t("c.hintOpen")}
              </p>
              {!current.votingOpen && !current.revealed && current.votes < threshold ? (
                <p className="workshop-warning" data-testid="reveal-warning">
                  {current.votes === 0
                    ? t("c.fewNone", { threshold })
                    : t("c.few", { count: current.votes, threshold })}
                </p>
              ) : null}
            </>
          ) : null}

          {current.revealed && current.ratings ? (
            <section aria-labelledby="spread-heading">
              <h3 id="spread-heading">{t("c.spread")}</h3>
              <RatingSpread
                ratings={current.ratings}
                threshold={threshold}
                title={t("c.ratingsOf", { component: componentName(info.key) })}
              />
            </section>
          ) : null}

          <section aria-labelledby="consensus-heading" className="workshop-record">
            <h3 id="consensus-heading">{t("c.consensus")}</h3>
            {current.consensus ? (
              <p data-testid="consensus">
                {t("c.agreed")}{" "}
                <strong>
                  {current.consensus.score} – {anchorLabel(current.consensus.score)}
                </strong>
                {current.consensus.notes ? `. ${current.consensus.notes}` : ""}
              </p>
            ) : (
              <p>{t("c.noConsensus")}</p>
            )}
            {!isEnded ? (
              <Form
                method="post"
                preventScrollReset
                noValidate
                key={`${current.key}-${current.consensus?.recordedAt ?? "none"}`}
              >
                {result && !result.ok && result.form === "consensus" ? (
                  <ErrorSummary errors={errors} order={["consensus-score", "consensus-notes"]} />
                ) : null}
                <input type="hidden" name="intent" value="consensus" />
                <input type="hidden" name="component" value={current.key} />
                <fieldset
                  className={`field radios${errors?.["consensus-score"] ? " has-error" : ""}`}
                  id="consensus-score"
                >
                  <legend>{t("c.scoreAgreed")}</legend>
                  {errors?.["consensus-score"] ? (
                    <p className="error-message">
                      <span className="visually-hidden">{t("common:form.error")}</span>{" "}
                      {serverText(errors["consensus-score"])}
                    </p>
                  ) : null}
                  <div className="workshop-scale">
                    {RATING_ANCHORS.map((a) => (
                      <label key={a.value}>
                        <input
                          type="radio"
                          name="score"
                          value={a.value}
                          defaultChecked={current.consensus?.score === a.value}
                        />{" "}
                        {a.value} – {anchorLabel(a.value)}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <div className="field">
                  <label htmlFor="consensus-notes">{t("c.notes")}</label>
                  <textarea id="consensus-notes" name="notes" rows={3} defaultValue={current.consensus?.notes ?? ""} />
                </div>
                <button type="submit" className="button" disabled={Boolean(busyIntent)}>
                  {t("c.record")}
                </button>
              </Form>
            ) : null}
          </section>

          <section aria-labelledby="actions-heading" className="workshop-record">
            <h3 id="actions-heading">{t("c.actions")}</h3>
            {current.actions.length ? (
              <ul className="workshop-actions">
                {current.actions.map((a) => (
                  <li key={a.id}>
                    <span>
                      {a.description} — <strong>{a.owner}</strong>
                      {a.dueOn ? t("c.by", { date: formatDate(a.dueOn, lang) }) : ""}
                    </span>
                    {!isEnded ? (
                      <RowAction
                        intent="remove_action"
                        fields={{ actionId: a.id }}
                        label={t("c.remove")}
                        which={t("c.removeWhich", { description: a.description })}
                        disabled={Boolean(busyIntent)}
                        preventScrollReset
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("c.noActions")}</p>
            )}
            {!isEnded ? (
              <Form method="post" preventScrollReset noValidate key={`${current.key}-${current.actions.length}`}>
                {result && !result.ok && result.form === "action" ? (
                  <ErrorSummary errors={errors} order={["action-description", "action-owner", "action-dueOn"]} />
                ) : null}
                <input type="hidden" name="intent" value="add_action" />
                <input type="hidden" name="component" value={current.key} />
                <TextField name="action-description" label={t("c.what")} error={errors?.["action-description"]} />
                <TextField name="action-owner" label={t("c.who")} error={errors?.["action-owner"]} />
                <TextField
                  name="action-dueOn"
                  label={t("c.due")}
                  type="date"
                  error={errors?.["action-dueOn"]}
                  width="12rem"
                />
                <button type="submit" className="button secondary" disabled={Boolean(busyIntent)}>
                  {t("c.addAction")}
                </button>
              </Form>
            ) : null}
          </section>
        </section>
      ) : null}

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t("c.plan")}</h2>
        <ol className="workshop-plan">
          {state.components.map((c, i) => (
            <li key={c.key} aria-current={i === state.position ? "step" : undefined}>
              <span>
                {componentName(c.key)}
                {c.consensus !== null ? t("c.agreedShort", { score: c.consensus }) : ""}
              </span>
              {!isEnded && i !== state.position ? (
                <RowAction
                  intent="move"
                  fields={{ index: i }}
                  label={t("c.goTo")}
                  which={componentName(c.key)}
                  disabled={Boolean(busyIntent)}
                  preventScrollReset
                />
              ) : i === state.position ? (
                <span className="hint">{t("c.now")}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <div className="button-group no-print">
        <Link to={`${base}/summary`}>{t("c.summary")}</Link>
        {!isEnded ? (
          <Form method="post">
            <input type="hidden" name="intent" value="end" />
            <button type="submit" className="button warning" disabled={Boolean(busyIntent)}>
              {t("c.end")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? metaT(matches, "console")("c.meta", { name: data.workshop.name })
      : metaT(matches, "console")("c.metaNone"),
  },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

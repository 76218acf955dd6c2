import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { cookieHeader } from "../auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, fieldErrors } from "../components/forms";
import { problem, type Problem } from "../http.server";
import { ConnectionStatus, useLiveState } from "../components/workshop";
import { metaT, useT } from "../components/i18n";
import { frameworkTerm } from "../domain/glossary";
import type { Translate } from "../domain/i18n";
import type { Lang } from "../domain/language";
import { langOf, requestT } from "../language.server";
import {
  AGENCY_TYPES,
  AGENCY_TYPE_KEYS,
  COMPONENT_KEYS,
  LEVELS,
  LEVEL_KEYS,
  component as componentOf,
} from "../domain/framework";
import { RATING_ANCHORS } from "../domain/workshop";
import { castVote, joinWorkshop, loadParticipantState, type ParticipantState } from "../models/workshop.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import {
  JOINS,
  PARTICIPANT_COOKIE_SECONDS,
  VOTES,
  participantCookieName,
  requireJoinableWorkshop,
} from "../access/workshop.server";

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, code, workshop, participant } = await requireJoinableWorkshop(request, params.code);
  if (params.code !== code) throw redirect(`/join/${code}`);
  const state = participant
    ? await loadParticipantState(db, { workshopId: workshop.id, participantId: participant.id })
    : null;
  return { code, name: workshop.name, state };
}

const joinSchema = (t: Translate) =>
  z.object({
    intent: z.literal("join"),
    level: z.enum(LEVEL_KEYS, { errorMap: () => ({ message: t("join.levelError") }) }),
    agencyType: z.enum(AGENCY_TYPE_KEYS, { errorMap: () => ({ message: t("join.agencyTypeError") }) }),
  });
const voteSchema = (t: Translate) =>
  z.object({
    intent: z.literal("vote"),
    component: z.enum(COMPONENT_KEYS, { errorMap: () => ({ message: t("vote.unknownComponent") }) }),
    rating: z.coerce
      .number({ invalid_type_error: t("vote.ratingError") })
      .int(t("vote.ratingError"))
      .min(0, t("vote.ratingError"))
      .max(5, t("vote.ratingError")),
  });

type VoteResult = { ok: true; rating: number } | Problem;

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, code, workshop, participant } = await requireJoinableWorkshop(request, params.code, { allowEnded: true });
  const t = await requestT(request, "workshop");
  const lang: Lang = await langOf(request);
  if (workshop.status === "ended") return problem(410, t("ended.message"));
  const form = Object.fromEntries(await request.formData());

  if (form.intent === "join") {
    if (participant) return redirect(`/join/${code}`);
    const limit = await rateLimit(JOINS.purpose, clientKey(request), JOINS.limit, JOINS.windowMs);
    if (!limit.ok) return problem(429, t("join.tooMany", { seconds: limit.retryAfterSeconds }));
    const parsed = joinSchema(t).safeParse(form);
    if (!parsed.success) return problem(400, null, fieldErrors(parsed.error.issues));
    const joined = await joinWorkshop(db, {
      workshopId: workshop.id,
      level: parsed.data.level,
      agencyType: parsed.data.agencyType,
    });
    return redirect(`/join/${code}`, {
      headers: {
        "Set-Cookie": await cookieHeader(
          request,
          participantCookieName(workshop.id),
          joined.token,
          PARTICIPANT_COOKIE_SECONDS,
          "/join",
        ),
      },
    });
  }

  if (form.intent !== "vote") return problem(400, t("vote.unknownAction"));
  if (!participant) return problem(403, t("vote.notJoined"));
  if (!(await rateLimit(VOTES.purpose, participant.id, VOTES.limit, VOTES.windowMs)).ok) {
    return problem(429, t("vote.tooMany"));
  }
  const parsed = voteSchema(t).safeParse(form);
  if (!parsed.success) return problem(400, null, fieldErrors(parsed.error.issues));
  const rating = parsed.data.rating as 0 | 1 | 2 | 3 | 4 | 5;
  const outcome = await castVote(db, {
    workshopId: workshop.id,
    participantId: participant.id,
    component: parsed.data.component,
    rating,
  });
  switch (outcome.status) {
    case "saved":
      return Response.json({ ok: true, rating } satisfies VoteResult);
    case "ended":
      return problem(410, t("ended.message"));
    case "closed":
      return problem(
        409,
        t(outcome.current === parsed.data.component ? "vote.closed" : "vote.movedOn", {
          component: frameworkTerm("component", parsed.data.component, lang),
        }),
      );
    default:
      return problem(400, t("vote.notInWorkshop"));
  }
}

const ended = (s: ParticipantState) => s.status === "ended";

export default function ParticipantPage() {
  const data = useLoaderData<typeof loader>();
  if (!data.state) return <JoinForm name={data.name} />;
  return <LiveRating code={data.code} initial={data.state} />;
}

function JoinForm({ name }: { name: string }) {
  const result = useActionData<VoteResult>();
  const busy = useNavigation().state !== "idle";
  const { t, lang } = useT("workshop");
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <div className="workshop-phone">
      <span className="caption">{name}</span>
      <h1>{t("join.title")}</h1>
      <p>{t("join.anonymous")}</p>
      {result && !result.ok && result.message ? (
        <div className="error-summary" role="alert">
          <h2>{t("common:form.problem")}</h2>
          <p>{result.message}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} order={["level", "agencyType"]} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="join" />
        <fieldset
          className={`field radios${errors?.level ? " has-error" : ""}`}
          id="level"
          aria-describedby={errors?.level ? "level-error" : undefined}
        >
          <legend>{t("join.level")}</legend>
          {errors?.level ? (
            <p className="error-message" id="level-error">
              <span className="visually-hidden">{t("common:form.error")}</span> {errors.level}
            </p>
          ) : null}
          {LEVELS.map((l) => (
            <label key={l.key}>
              <input type="radio" name="level" value={l.key} /> {frameworkTerm("level", l.key, lang)}
            </label>
          ))}
        </fieldset>
        <fieldset
          className={`field radios${errors?.agencyType ? " has-error" : ""}`}
          id="agencyType"
          aria-describedby={errors?.agencyType ? "agencyType-error" : undefined}
        >
          <legend>{t("join.agencyType")}</legend>
          {errors?.agencyType ? (
            <p className="error-message" id="agencyType-error">
              <span className="visually-hidden">{t("common:form.error")}</span> {errors.agencyType}
            </p>
          ) : null}
          {AGENCY_TYPES.map((a) => (
            <label key={a.key}>
              <input type="radio" name="agencyType" value={a.key} /> {frameworkTerm("agency_type", a.key, lang)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("join.title")}
        </button>
      </Form>
    </div>
  );
}

function LiveRating({ code, initial }: { code: string; initial: ParticipantState }) {
  const { state, connection } = useLiveState(`/join/${code}/events`, initial, { stopWhen: ended });
  const { t, lang } = useT("workshop");
  const fetcher = useFetcher<VoteResult>();
  const documentResult = useActionData<VoteResult>();
  const result = fetcher.data ?? documentResult;
  const sending = fetcher.state !== "idle";
  const current = state.current;
  const info = current ? componentOf(current.key) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const errors = result && !result.ok ? result.errors : undefined;
  // A refusal (voting closed, session ended) is shown until the session's state next changes.
  const [problemVersion, setProblemVersion] = useState<number | null>(null);
  useEffect(() => {
    if (result && !result.ok) setProblemVersion(state.version);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  // When the facilitator moves on, the new component's name is announced and focused.
  const key = current?.key;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [key]);

  if (state.status === "ended") {
    return (
      <div className="workshop-phone">
        <span className="caption">{state.name}</span>
        <h1>{t("ended.title")}</h1>
        <p>{t("ended.body")}</p>
      </div>
    );
  }
  if (!current || !info) {
    return (
      <div className="workshop-phone">
        <span className="caption">{state.name}</span>
        <h1>{t("waiting.title")}</h1>
        <ConnectionStatus connection={connection} />
      </div>
    );
  }
  const myVote = current.myVote;
  return (
    <div className="workshop-phone">
      <span className="caption">
        {t("live.position", { name: state.name, n: state.position + 1, total: state.total })}
      </span>
      <h1 tabIndex={-1} ref={heading}>
        {frameworkTerm("component", info.key, lang)}
      </h1>
      <p>{t(`component.${info.key}`)}</p>
      <ConnectionStatus connection={connection} />
      <div role="status" aria-live="polite" className="workshop-my-vote">
        {myVote !== null ? (
          <p className="panel" data-testid="my-vote">
            {t("live.myRating")}{" "}
            <strong>
              {myVote} – {t(`rating.${myVote}.label`)}
            </strong>
            .{current.votingOpen ? ` ${t("live.canChange")}` : ""}
          </p>
        ) : null}
        {!current.votingOpen ? (
          <p className="notice" data-testid="voting-closed">
            {t(myVote === null ? "live.closed" : "live.closedForNow")}
          </p>
        ) : null}
        {current.revealed ? <p>{t("live.revealed")}</p> : null}
      </div>
      {result && !result.ok && result.message && problemVersion === state.version ? (
        <div className="error-summary" role="alert">
          <h2>{t("common:form.problem")}</h2>
          <p>{result.message}</p>
        </div>
      ) : null}
      {current.votingOpen ? (
        <fetcher.Form method="post" noValidate key={`${current.key}-${myVote ?? "none"}`}>
          <ErrorSummary errors={errors} order={["rating"]} />
          <input type="hidden" name="intent" value="vote" />
          <input type="hidden" name="component" value={current.key} />
          <fieldset
            className={`field radios workshop-scale${errors?.rating ? " has-error" : ""}`}
            id="rating"
            aria-describedby={errors?.rating ? "rating-error" : undefined}
          >
            <legend>{t("live.question")}</legend>
            {errors?.rating ? (
              <p className="error-message" id="rating-error">
                <span className="visually-hidden">{t("common:form.error")}</span> {errors.rating}
              </p>
            ) : null}
            {RATING_ANCHORS.map((a) => (
              <label key={a.value} className="workshop-rating-option">
                <input
                  type="radio"
                  name="rating"
                  value={a.value}
                  defaultChecked={myVote === a.value}
                  aria-describedby={`rating-${a.value}-hint`}
                />
                <span>
                  <strong>
                    {a.value} – {t(`rating.${a.value}.label`)}
                  </strong>
                  <span className="hint" id={`rating-${a.value}-hint`}>
                    {t(`rating.${a.value}.description`)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={sending}>
            {t(sending ? "live.sending" : "live.send")}
          </button>
        </fetcher.Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches, "workshop");
  return [{ title: data ? t("join.metaTitleNamed", { name: data.name }) : t("join.metaTitle") }];
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

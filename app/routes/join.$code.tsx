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
  ENDED_MESSAGE,
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

const JoinSchema = z.object({
  intent: z.literal("join"),
  level: z.enum(LEVEL_KEYS, { errorMap: () => ({ message: "Select the level you mainly work at" }) }),
  agencyType: z.enum(AGENCY_TYPE_KEYS, { errorMap: () => ({ message: "Select the kind of agency you work for" }) }),
});
const VoteSchema = z.object({
  intent: z.literal("vote"),
  component: z.enum(COMPONENT_KEYS, { errorMap: () => ({ message: "That component is not part of the framework" }) }),
  rating: z.coerce
    .number({ invalid_type_error: "Select a rating from 0 to 5" })
    .int("Select a rating from 0 to 5")
    .min(0, "Select a rating from 0 to 5")
    .max(5, "Select a rating from 0 to 5"),
});

type VoteResult = { ok: true; rating: number } | Problem;

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, code, workshop, participant } = await requireJoinableWorkshop(request, params.code, { allowEnded: true });
  if (workshop.status === "ended") return problem(410, ENDED_MESSAGE);
  const form = Object.fromEntries(await request.formData());

  if (form.intent === "join") {
    if (participant) return redirect(`/join/${code}`);
    const limit = await rateLimit(JOINS.purpose, clientKey(request), JOINS.limit, JOINS.windowMs);
    if (!limit.ok)
      return problem(
        429,
        `Too many people have joined from this network just now. Wait ${limit.retryAfterSeconds} seconds and try again.`,
      );
    const parsed = JoinSchema.safeParse(form);
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

  if (form.intent !== "vote") return problem(400, "That action is not recognised.");
  if (!participant) return problem(403, "Join the workshop before rating: your phone has not joined this session yet.");
  if (!(await rateLimit(VOTES.purpose, participant.id, VOTES.limit, VOTES.windowMs)).ok) {
    return problem(429, "Too many ratings sent just now. Wait a minute and try again.");
  }
  const parsed = VoteSchema.safeParse(form);
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
      return problem(410, ENDED_MESSAGE);
    case "closed":
      return problem(
        409,
        outcome.current === parsed.data.component
          ? `Voting on ${componentOf(parsed.data.component).name} is closed, so your rating was not sent. Wait for the facilitator to open it.`
          : `The workshop has moved on from ${componentOf(parsed.data.component).name}, so your rating was not sent.`,
      );
    default:
      return problem(400, "That component is not part of this workshop.");
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
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <div className="workshop-phone">
      <span className="caption">{name}</span>
      <h1>Join the workshop</h1>
      <p>
        We do not ask your name. The facilitator sees only how many people have joined, and ratings only as a group.
      </p>
      {result && !result.ok && result.message ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
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
          <legend>At which level do you mainly work?</legend>
          {errors?.level ? (
            <p className="error-message" id="level-error">
              <span className="visually-hidden">Error:</span> {errors.level}
            </p>
          ) : null}
          {LEVELS.map((l) => (
            <label key={l.key}>
              <input type="radio" name="level" value={l.key} /> {l.name}
            </label>
          ))}
        </fieldset>
        <fieldset
          className={`field radios${errors?.agencyType ? " has-error" : ""}`}
          id="agencyType"
          aria-describedby={errors?.agencyType ? "agencyType-error" : undefined}
        >
          <legend>What kind of agency do you work for?</legend>
          {errors?.agencyType ? (
            <p className="error-message" id="agencyType-error">
              <span className="visually-hidden">Error:</span> {errors.agencyType}
            </p>
          ) : null}
          {AGENCY_TYPES.map((a) => (
            <label key={a.key}>
              <input type="radio" name="agencyType" value={a.key} /> {a.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          Join the workshop
        </button>
      </Form>
    </div>
  );
}

function LiveRating({ code, initial }: { code: string; initial: ParticipantState }) {
  const { state, connection } = useLiveState(`/join/${code}/events`, initial, { stopWhen: ended });
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
        <h1>The workshop has ended</h1>
        <p>Thank you for taking part. The facilitator will share a summary of what the group agreed.</p>
      </div>
    );
  }
  if (!current || !info) {
    return (
      <div className="workshop-phone">
        <span className="caption">{state.name}</span>
        <h1>Waiting for the facilitator</h1>
        <ConnectionStatus connection={connection} />
      </div>
    );
  }
  const myVote = current.myVote;
  return (
    <div className="workshop-phone">
      <span className="caption">
        {state.name} · component {state.position + 1} of {state.total}
      </span>
      <h1 tabIndex={-1} ref={heading}>
        {info.name}
      </h1>
      <p>{info.description}</p>
      <ConnectionStatus connection={connection} />
      <div role="status" aria-live="polite" className="workshop-my-vote">
        {myVote !== null ? (
          <p className="panel" data-testid="my-vote">
            Your rating:{" "}
            <strong>
              {myVote} – {RATING_ANCHORS[myVote]?.label}
            </strong>
            .{current.votingOpen ? " You can change it while voting is open." : ""}
          </p>
        ) : null}
        {!current.votingOpen ? (
          <p className="notice" data-testid="voting-closed">
            Voting is closed{myVote === null ? "" : " for now"}. Wait for the facilitator to open voting on this
            component.
          </p>
        ) : null}
        {current.revealed ? <p>The facilitator is showing the group&apos;s ratings on the screen.</p> : null}
      </div>
      {result && !result.ok && result.message && problemVersion === state.version ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
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
            <legend>How far is this in place in your partnership?</legend>
            {errors?.rating ? (
              <p className="error-message" id="rating-error">
                <span className="visually-hidden">Error:</span> {errors.rating}
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
                    {a.value} – {a.label}
                  </strong>
                  <span className="hint" id={`rating-${a.value}-hint`}>
                    {a.description}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={sending}>
            {sending ? "Sending…" : "Send my rating"}
          </button>
        </fetcher.Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name} – workshop` : "Workshop" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireFacilitatedWorkshop } from "../access/workshop.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ConnectionStatus, RatingChart, useLiveState } from "../components/workshop";
import { AGENCY_TYPES, LEVELS, component as componentOf } from "../domain/framework";
import type { ComponentRatings, GroupComparison } from "../domain/workshop";
import { loadProjectorState, type ProjectorState } from "../models/workshop.server";
import { qrCodeDataUrl } from "../qr-code.server";

/** The room's screen: the page alone, without the site's header, links or sign-out button (root.tsx). */
export const handle = { screen: true };

/**
 * The projector screen of a workshop: what the room sees on the wall, and nothing to press.
 * The facilitator opens it from the console (`../workshops/$wid`) on the room's screen; both
 * follow the same live stream (`./events`), so the screen moves when the console does.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, round, workshop, db } = await requireFacilitatedWorkshop(request, params);
  const state = await loadProjectorState(db, workshop.id);
  if (!state) throw new Response("Workshop not found.", { status: 404 });
  const origin = new URL(request.url).origin;
  const joinUrl = `${origin}/join/${workshop.join_code}`;
  return {
    partnership: { id: partnership.id },
    round: { id: round.id },
    workshop: { id: workshop.id, name: workshop.name, joinCode: workshop.join_code },
    joinUrl,
    joinPage: `${new URL(request.url).host}/join`,
    qr: await qrCodeDataUrl(joinUrl),
    state,
  };
}

const ended = (s: ProjectorState) => s.status === "ended";

const groupName = (key: string) =>
  LEVELS.find((l) => l.key === key)?.name ?? AGENCY_TYPES.find((a) => a.key === key)?.name ?? key;

function GroupLine({ label, comparison }: { label: string; comparison: GroupComparison | null }) {
  if (!comparison || comparison.shown.length < 2) return null;
  return (
    <p className="screen-groups">
      <strong>{label}:</strong> {comparison.differs ? "views differ" : "views similar"} (medians{" "}
      {comparison.shown.map((g) => `${groupName(g.group)} ${g.median}`).join(", ")})
    </p>
  );
}

function Spread({ ratings, threshold, title }: { ratings: ComponentRatings; threshold: number; title: string }) {
  const s = ratings.spread;
  if (s === null) return <p className="screen-message">No one rated this component.</p>;
  if (s === "suppressed" || s === "voting_open") {
    return (
      <p className="screen-message">
        Fewer than {threshold} people rated this component, so the spread is not shown: no one&apos;s rating can be
        picked out.
      </p>
    );
  }
  return (
    <div className="screen-result">
      <RatingChart distribution={s.distribution} title={title} />
      <dl className="screen-figures">
        <dt>Median</dt>
        <dd data-testid="screen-median">{s.median}</dd>
        <dt>Middle half</dt>
        <dd>
          {s.lowerQuartile} to {s.upperQuartile}
        </dd>
        <dt>Agreement</dt>
        <dd>{s.split ? "Views split" : "Broad agreement"}</dd>
      </dl>
      <div className="screen-breakdowns">
        <GroupLine label="By level" comparison={ratings.byLevel} />
        <GroupLine label="By kind of agency" comparison={ratings.byAgencyType} />
      </div>
    </div>
  );
}

export default function ProjectorScreen() {
  const data = useLoaderData<typeof loader>();
  const base = `/partnerships/${data.partnership.id}/rounds/${data.round.id}/workshops/${data.workshop.id}`;
  const { state, connection } = useLiveState(`${base}/events`, data.state as ProjectorState, { stopWhen: ended });
  const current = state.current;
  const info = current ? componentOf(current.key) : null;

  if (state.status === "ended") {
    return (
      <div className="screen">
        <p className="screen-caption">{data.workshop.name}</p>
        <h1>Thank you: this session has ended</h1>
      </div>
    );
  }

  return (
    <div className="screen">
      <div className="screen-top">
        <div>
          <p className="screen-caption">
            {data.workshop.name}
            {current ? ` · component ${state.position + 1} of ${state.total}` : null}
          </p>
          <h1>{info ? info.name : "Waiting to start"}</h1>
          {info ? <p className="screen-description">{info.description}</p> : null}
        </div>
        <aside className="screen-join" aria-label="How to join">
          <img src={data.qr} alt={`QR code for ${data.joinUrl}`} width={112} height={112} />
          <p>
            <span className="screen-join-how">Join at {data.joinPage}</span>
            <span className="screen-code" data-testid="join-code">
              {data.workshop.joinCode}
            </span>
          </p>
        </aside>
      </div>
      {current && info ? (
        <>
          <p className="screen-status" role="status" aria-live="polite">
            <span className={`tag ${current.votingOpen ? "green" : "grey"}`}>
              {current.votingOpen ? "Voting open" : "Voting closed"}
            </span>{" "}
            <strong data-testid="vote-count">{current.votes}</strong> {current.votes === 1 ? "rating" : "ratings"}
            <span className="screen-joined">
              {" "}
              · <span data-testid="participant-count">{state.participants}</span> joined
            </span>
          </p>
          {current.revealed && current.ratings ? (
            <section aria-label="How the room rated it">
              <Spread ratings={current.ratings} threshold={state.threshold} title={`Ratings of ${info.name}`} />
            </section>
          ) : (
            <p className="screen-message">
              {current.votingOpen
                ? "Rate on your phone: 0 (not in place) to 5 (fully in place)."
                : "The ratings are shown here once voting closes."}
            </p>
          )}
        </>
      ) : null}
      <ConnectionStatus connection={connection} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.name} – projector screen` : "Workshop screen" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { requireFacilitatedWorkshop } from "../access/workshop.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ConnectionStatus, RatingChart, useLiveState } from "../components/workshop";
import { AGENCY_TYPE_KEYS, LEVEL_KEYS, component as componentOf } from "../domain/framework";
import { frameworkTerm } from "../domain/glossary";
import type { Lang } from "../domain/language";
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

/** A level's or a kind of agency's name in the page's language (the key when it is neither). */
const groupName = (key: string, lang: Lang) =>
  LEVEL_KEYS.includes(key as never)
    ? frameworkTerm("level", key, lang)
    : AGENCY_TYPE_KEYS.includes(key as never)
      ? frameworkTerm("agency_type", key, lang)
      : key;

function GroupLine({ label, comparison }: { label: string; comparison: GroupComparison | null }) {
  const { t, lang } = useT("console");
  if (!comparison || comparison.shown.length < 2) return null;
  return (
    <p className="screen-groups">
      <strong>{label}:</strong> {comparison.differs ? t("sc.differ") : t("sc.similar")} ({t("sc.medians")}{" "}
      {comparison.shown.map((g) => `${groupName(g.group, lang)} ${g.median}`).join(", ")})
    </p>
  );
}

function Spread({ ratings, threshold, title }: { ratings: ComponentRatings; threshold: number; title: string }) {
  const s = ratings.spread;
  const { t } = useT("console");
  if (s === null) return <p className="screen-message">{t("sc.noOne")}</p>;
  if (s === "suppressed" || s === "voting_open") {
    return <p className="screen-message">{t("sc.fewer", { threshold })}</p>;
  }
  return (
    <div className="screen-result">
      <RatingChart distribution={s.distribution} title={title} />
      <dl className="screen-figures">
        <dt>{t("sc.median")}</dt>
        <dd data-testid="screen-median">{s.median}</dd>
        <dt>{t("sc.middle")}</dt>
        <dd>{t("sc.range", { low: s.lowerQuartile, high: s.upperQuartile })}</dd>
        <dt>{t("sc.agreement")}</dt>
        <dd>{s.split ? t("sc.split") : t("sc.broad")}</dd>
      </dl>
      <div className="screen-breakdowns">
        <GroupLine label={t("sc.byLevel")} comparison={ratings.byLevel} />
        <GroupLine label={t("sc.byAgency")} comparison={ratings.byAgencyType} />
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
  const { t, lang } = useT("console");

  if (state.status === "ended") {
    return (
      <div className="screen">
        <p className="screen-caption">{data.workshop.name}</p>
        <h1>{t("sc.thanks")}</h1>
      </div>
    );
  }

  return (
    <div className="screen">
      <div className="screen-top">
        <div>
          <p className="screen-caption">
            {data.workshop.name}
            {current ? t("sc.position", { n: state.position + 1, total: state.total }) : null}
          </p>
          <h1>{info ? frameworkTerm("component", info.key, lang) : t("sc.waiting")}</h1>
          {info ? <p className="screen-description">{frameworkTerm("component_description", info.key, lang)}</p> : null}
        </div>
        <aside className="screen-join" aria-label={t("c.howToJoin")}>
          <img src={data.qr} alt={t("sc.qr", { url: data.joinUrl })} width={112} height={112} />
          <p>
            <span className="screen-join-how">{t("sc.joinAt", { page: data.joinPage })}</span>
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
              {current.votingOpen ? t("c.votingOpen") : t("c.votingClosed")}
            </span>{" "}
            <strong data-testid="vote-count">{current.votes}</strong> {t("sc.ratings", { count: current.votes })}
            <span className="screen-joined">
              {" "}
              · <span data-testid="participant-count">{state.participants}</span> {t("sc.joined")}
            </span>
          </p>
          {current.revealed && current.ratings ? (
            <section aria-label={t("c.spread")}>
              <Spread
                ratings={current.ratings}
                threshold={state.threshold}
                title={t("c.ratingsOf", { component: frameworkTerm("component", info.key, lang) })}
              />
            </section>
          ) : (
            <p className="screen-message">{current.votingOpen ? t("sc.rateNow") : t("sc.later")}</p>
          )}
        </>
      ) : null}
      <ConnectionStatus connection={connection} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: data
      ? metaT(matches, "console")("sc.meta", { name: data.workshop.name })
      : metaT(matches, "console")("sc.metaNone"),
  },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

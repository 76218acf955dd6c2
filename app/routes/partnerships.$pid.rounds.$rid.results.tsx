import { json } from "@remix-run/node";
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireReportAccess } from "../access/organisation.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import {
  AgencyHeatmap,
  AtAGlance,
  Comments,
  Comparison,
  ComponentScores,
  Continuum,
  ExperienceGap,
  FamilyVoice,
  GroupFilter,
  GroupScores,
  KeyMessages,
  LevelHeatmap,
  Partners,
  PerceptionGap,
  ReportSection,
  ShortForm,
  TopItems,
  Trust,
  WhoAnswered,
  HowPeopleAnswered,
  WorkshopConsensus,
} from "../components/report";
import {
  changeSinceLastRound,
  consensusBesideSurvey,
  evidenceForItems,
  itemTitles,
  roundComments,
  roundReport,
} from "../models/report.server";
import { deepDiveReport } from "../models/deep-dive.server";
import { getRound } from "../models/round.server";
import { latestSnapshot } from "../models/snapshot.server";
import { roundGroupReport } from "../models/team.server";
import { invitedCounts } from "../models/reach.server";
import { DeepDiveItems } from "../components/deep-dive-items";
import reportCss from "../styles/report.css";
import { formatDate, formatDateRange, formatDateTime } from "../domain/dates";
import { experienceGap } from "../domain/experience-gap";
import { keyMessages } from "../domain/key-messages";
import { langOf } from "../language.server";
import { metaT, useT } from "../components/i18n";
import { ServerTiming } from "../models/timing.server";
import type { RoundResult } from "../domain/scoring";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportCss }];

/** ?org=<agency id>&team=<team id>: the report filtered to one organisation or team (issue 18). */
const FilterSchema = z.object({
  org: z.string().max(64).nullable(),
  team: z.string().max(64).nullable(),
});

/**
 * The filtered report: only the chosen group's figures from the latest snapshot, never the
 * whole partnership's. An organisation lead reaches nothing else: the whole report is 403, and
 * another organisation or a team of one is 404 (as an outsider's partnership).
 */
async function filteredReport(
  access: Awaited<ReturnType<typeof requireReportAccess>>,
  roundId: string,
  filter: z.infer<typeof FilterSchema>,
  timing: ServerTiming,
) {
  const { db, partnership } = access;
  const round = await getRound(db, { partnershipId: partnership.id, roundId });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const onlyAgencyId = access.scope === "organisation" ? access.agencyId : undefined;
  if (onlyAgencyId && !filter.org && !filter.team)
    throw new Response("You can see your own organisation's results only.", { status: 403 });
  const report = await roundGroupReport(
    db,
    {
      roundId: round.id,
      partnershipId: partnership.id,
      org: filter.org,
      team: filter.team,
      onlyAgencyId,
    },
    timing,
  );
  if (!report) throw new Response("Organisation or team not found.", { status: 404 });
  const snapshot = await latestSnapshot(db, round.id, timing);
  return {
    filtered: true as const,
    partnership: { id: partnership.id, name: partnership.name },
    round: {
      id: round.id,
      name: round.name,
      opensOn: round.opens_on,
      closesOn: round.closes_on,
      status: round.status,
      threshold: round.suppression_threshold,
    },
    snapshot: snapshot ? { kind: snapshot.kind, takenAt: snapshot.takenAt } : null,
    scope: access.scope,
    filter,
    report,
  };
}

/** The loader's phases (read, parse, build, loader) for the browser and scripts/bench-results.ts. */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const timing = loaderHeaders.get("Server-Timing");
  return timing ? { "Server-Timing": timing } : new Headers();
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const timing = new ServerTiming();
  const data = await reportData(request, params, timing);
  return json(data, { headers: { "Server-Timing": timing.header() } });
}

const withoutGroupViews = (result: RoundResult): RoundResult => {
  if (result.status !== "ok" || !result.groups) return result;
  const { groups: _groups, ...rest } = result;
  return rest;
};

async function reportData(request: Request, params: LoaderFunctionArgs["params"], timing: ServerTiming) {
  const read = <T,>(fn: () => Promise<T>) => timing.time("read", fn);
  const url = new URL(request.url);
  const filter = FilterSchema.safeParse({
    org: url.searchParams.get("org") || null,
    team: url.searchParams.get("team") || null,
  });
  if (!filter.success) throw new Response("That filter is not valid.", { status: 400 });
  const access = await read(() => requireReportAccess(request, params.pid!));
  if (access.scope === "organisation" || filter.data.org || filter.data.team)
    return read(() => filteredReport(access, params.rid!, filter.data, timing));
  const { partnership, canLead, db, role } = access;
  const report = await read(() => roundReport(db, { partnershipId: partnership.id, roundId: params.rid! }, timing));
  if (!report) throw new Response("Round not found.", { status: 404 });
  const { round, result } = report;
  const professional = result.status === "ok" && result.professional.status === "ok" ? result.professional : null;
  const top = professional
    ? [...professional.strongestFacilitators, ...professional.severestBarriers].map((i) => i.key)
    : [];
  // Free-text comments: leads only, never facilitators or viewers, and only for a round with enough responses.
  const comments =
    canLead && report.source === "snapshot"
      ? await read(() => roundComments(db, { roundId: round.id, threshold: round.suppression_threshold }, timing))
      : null;
  // One rule for a workshop's outputs (as requireWorkshopSummary): viewers once it has ended.
  const consensus = await read(() =>
    consensusBesideSurvey(db, { roundId: round.id, result, endedOnly: role === "viewer" }),
  );
  // Deep-dive modules the lead added: item by item, never part of the component scores.
  const deepDive = await read(() => deepDiveReport(db, round, report.snapshot?.takenAt ?? null));
  const comparison = changeSinceLastRound(report);
  const ok = result.status === "ok" ? result : null;
  const groups = await read(() =>
    roundGroupReport(db, { roundId: round.id, partnershipId: partnership.id, org: null, team: null }, timing),
  );
  const lang = await langOf(request);
  // The lead's invited numbers, for response rates beside the snapshot's (suppressed) counts.
  const invited = await read(() => invitedCounts(db, round.id));
  return {
    filtered: false as const,
    groupOptions: groups?.available ? groups.options : [],
    keyMessages: keyMessages({
      result,
      lang,
      comparison: comparison ? { previousName: comparison.round.name, changes: comparison.changes } : null,
    }),
    experienceGap: experienceGap(professional, ok?.family.status === "ok" ? ok.family : null),
    deepDive,
    invited,
    consensus,
    partnership: { id: partnership.id, name: partnership.name, area: partnership.area },
    round: {
      id: round.id,
      name: round.name,
      opensOn: round.opens_on,
      closesOn: round.closes_on,
      status: round.status,
      threshold: round.suppression_threshold,
      includeFamily: round.include_family === 1,
      includeContinuum: round.include_continuum === 1,
    },
    canLead,
    source: report.source,
    snapshot: report.snapshot,
    // The organisation and team views are offered through groupOptions (each filtered view is
    // its own page): the whole page neither shows nor sends them (issue 19, hydration size).
    result: withoutGroupViews(result),
    evidence: evidenceForItems(top),
    itemTitles: itemTitles(top, lang),
    comparison,
    comments,
    generatedOn: new Date().toISOString().slice(0, 10),
  };
}

export default function ResultsPage() {
  const data = useLoaderData<typeof loader>();
  return data.filtered ? <FilteredReport data={data} /> : <WholeReport data={data} />;
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function FilteredReport({ data }: { data: Extract<LoaderData, { filtered: true }> }) {
  const { round, partnership, report } = data;
  const base = `/partnerships/${partnership.id}/rounds/${round.id}`;
  const selected = report.selected;
  const { t, lang } = useT("report");
  return (
    <article className="report">
      <header className="report-header">
        <span className="caption">{partnership.name}</span>
        <h1>
          {t("results.title", { round: round.name })}
          {selected ? ` – ${selected.name}` : ""}
        </h1>
        <p className="report-meta">
          {formatDateRange(round.opensOn, round.closesOn, lang)} ·{" "}
          {round.status === "open" ? t("results.open") : t("results.closed")}
        </p>
        {data.scope === "partnership" ? (
          <nav aria-label={t("results.tools")} className="report-tools no-print">
            <Link to={`${base}/results`} className="back-link">
              {t("filtered.whole")}
            </Link>
          </nav>
        ) : null}
      </header>
      {data.snapshot ? (
        <p className="snapshot-note" data-testid="snapshot-note">
          {t(
            `filtered.${data.snapshot.kind === "final" ? "final" : "interim"}${selected?.kind === "team" ? "Team" : "Org"}`,
            { at: formatDateTime(data.snapshot.takenAt, lang) },
          )}
        </p>
      ) : null}
      <GroupFilter
        options={report.options}
        org={selected?.organisation ?? data.filter.org}
        team={selected?.kind === "team" ? selected.id : null}
        allowWhole={data.scope === "partnership"}
      />
      {selected ? (
        <GroupScores group={selected} threshold={round.threshold} />
      ) : (
        <p className="notice">{t("filtered.choose")}</p>
      )}
    </article>
  );
}

function WholeReport({ data }: { data: Extract<LoaderData, { filtered: false }> }) {
  const { t, lang } = useT("report");
  const { round, partnership, result } = data;
  const base = `/partnerships/${partnership.id}/rounds/${round.id}`;
  const ok = result.status === "ok" ? result : null;
  const professional = ok?.professional.status === "ok" ? ok.professional : null;
  const continuum = ok?.continuum.status === "ok" ? ok.continuum : null;
  const partners = ok?.partners.status === "ok" ? ok.partners : null;
  const family = ok?.family.status === "ok" ? ok.family : null;
  const short = ok?.shortForm.status === "ok" ? ok.shortForm : null;
  const threshold = round.threshold;
  const consensusSection = data.consensus.length ? <WorkshopConsensus rows={data.consensus} /> : null;

  const contents = [
    data.keyMessages.length > 0 && { id: "key-messages", title: t("section.keyMessages") },
    ok && { id: "who-answered", title: t("section.whoAnswered") },
    ok && { id: "how-answered", title: t("section.howAnswered") },
    professional && { id: "components", title: t("section.components") },
    data.deepDive.length > 0 && { id: "deep-dive", title: t("section.deepDive") },
    data.comparison && { id: "change", title: t("section.change") },
    data.consensus.length > 0 && { id: "consensus", title: t("section.consensus") },
    continuum && { id: "continuum-section", title: t("section.continuum") },
    professional && { id: "levels", title: t("section.levels") },
    professional && { id: "gap", title: t("section.gap") },
    professional && { id: "by-agency", title: t("section.byAgency") },
    professional && { id: "top-items", title: t("section.topItems") },
    partners && { id: "partners", title: t("section.partners") },
    ok && { id: "family", title: t("section.family") },
    data.experienceGap.length > 0 && { id: "experience", title: t("section.experience") },
    professional && { id: "trust", title: t("section.trust") },
    data.comments && { id: "comments", title: t("section.comments") },
  ].filter((x): x is { id: string; title: string } => Boolean(x));

  return (
    <article className="report">
      <header className="report-header">
        <span className="caption">{partnership.name}</span>
        <h1>{t("results.title", { round: round.name })}</h1>
        <p className="report-meta">
          {formatDateRange(round.opensOn, round.closesOn, lang)} ·{" "}
          {t(round.status === "open" ? "results.open" : "results.closed")} ·{" "}
          {t("results.produced", { date: formatDate(data.generatedOn, lang) })}
        </p>
        <nav aria-label={t("results.tools")} className="report-tools no-print">
          <ClientOnly>
            {() => (
              <button type="button" className="button secondary" onClick={() => window.print()}>
                {t("results.print")}
              </button>
            )}
          </ClientOnly>
          <Link className="button secondary" to={`${base}/actions`}>
            {t("results.actionPlan")}
          </Link>
          {ok ? (
            <>
              <a className="button secondary" href={`${base}/export/scores.csv`} download>
                {t("results.scoresCsv")}
              </a>
              <a className="button secondary" href={`${base}/export/data.zip`} download>
                {t("results.dataZip")}
              </a>
              <a className="button secondary" href={`${base}/export/data.zip?excel=1`} download>
                {t("results.dataZipExcel")}
              </a>
              <a className="button secondary" href={`${base}/export/results.json`} download>
                {t("results.json")}
              </a>
              {data.canLead ? (
                <a className="button secondary" href={`${base}/export/answers.csv`} download>
                  {t("results.answersCsv")}
                </a>
              ) : null}
            </>
          ) : null}
          <Link to={base} className="back-link">
            {t("results.back")}
          </Link>
        </nav>
      </header>

      {data.snapshot ? (
        <p className="snapshot-note" data-testid="snapshot-note">
          {t(data.snapshot.kind === "final" ? "results.snapshotFinal" : "results.snapshotInterim", {
            at: formatDateTime(data.snapshot.takenAt, lang),
          })}
        </p>
      ) : null}
      {data.groupOptions.length > 0 ? (
        <GroupFilter options={data.groupOptions} org={null} team={null} allowWhole />
      ) : null}
      {data.source === "retention" ? <p className="notice">{t("results.retention")}</p> : null}

      {!ok ? (
        <div className="notice" data-testid="no-results">
          <h2>{t("results.none")}</h2>
          <p>
            {result.status === "suppressed"
              ? t("results.suppressed", { threshold })
              : result.status === "no_data"
                ? result.reason
                : ""}
          </p>
        </div>
      ) : null}
      {!ok ? (
        consensusSection
      ) : (
        <>
          {data.keyMessages.length > 0 ? (
            <ReportSection
              id="key-messages"
              title={t("section.keyMessages")}
              keepTogether
              intro={<p className="hint">{t("results.keyMessagesIntro")}</p>}
            >
              <KeyMessages messages={data.keyMessages} />
            </ReportSection>
          ) : null}
          <AtAGlance respondents={ok.respondents} professional={ok.professional} continuum={ok.continuum} />
          <div className="notice report-reading">
            <p>
              {t("reading.scores")}
              <strong> {t("reading.strength")}</strong> {t("reading.strengthRange")}{" "}
              <strong>{t("reading.borderline")}</strong> {t("reading.borderlineRange")}{" "}
              <strong>{t("reading.concern")}</strong> {t("reading.concernRange", { threshold })}
            </p>
          </div>
          <nav aria-label={t("results.contents")} className="report-contents no-print">
            <h2 className="contents-title">{t("results.contents")}</h2>
            <ol>
              {contents.map((c) => (
                <li key={c.id}>
                  <a href={`#${c.id}`}>{c.title}</a>
                </li>
              ))}
            </ol>
          </nav>

          <ReportSection id="who-answered" title={t("section.whoAnswered")}>
            <WhoAnswered respondents={ok.respondents} threshold={threshold} family={round.includeFamily} />
          </ReportSection>
          <ReportSection id="how-answered" title={t("section.howAnswered")}>
            <HowPeopleAnswered
              respondents={ok.respondents}
              invited={data.invited}
              threshold={threshold}
              family={round.includeFamily}
            />
          </ReportSection>

          {professional ? (
            <ReportSection id="components" title={t("section.components")} intro={<p>{t("intro.components")}</p>}>
              <ComponentScores components={professional.components} threshold={threshold} />
            </ReportSection>
          ) : (
            <ReportSection id="components" title={t("section.components")}>
              <p className="notice">{ok.professional.status === "ok" ? "" : ok.professional.reason}</p>
            </ReportSection>
          )}

          {data.deepDive.length > 0 ? (
            <ReportSection id="deep-dive" title={t("section.deepDive")} intro={<p>{t("intro.deepDive")}</p>}>
              <DeepDiveItems modules={data.deepDive} />
            </ReportSection>
          ) : null}

          {data.comparison ? (
            <ReportSection
              id="change"
              title={t("section.changeSince", { previous: data.comparison.round.name })}
              keepTogether
            >
              <Comparison
                previousName={data.comparison.round.name}
                changes={data.comparison.changes}
                movement={data.comparison.movement}
                actions={data.comparison.actions}
              />
            </ReportSection>
          ) : null}

          {consensusSection}

          {continuum ? (
            <ReportSection id="continuum-section" title={t("section.continuum")}>
              <Continuum continuum={continuum} threshold={threshold} />
            </ReportSection>
          ) : round.includeContinuum ? (
            <ReportSection id="continuum-section" title={t("section.continuum")}>
              <p className="notice">{ok.continuum.status === "ok" ? "" : ok.continuum.reason}</p>
            </ReportSection>
          ) : null}

          {professional ? (
            <>
              <ReportSection id="levels" title={t("section.levels")} intro={<p>{t("intro.levels")}</p>}>
                <LevelHeatmap components={professional.components} threshold={threshold} />
              </ReportSection>
              <ReportSection id="gap" title={t("section.gap")} intro={<p>{t("intro.gap")}</p>}>
                <PerceptionGap components={professional.components} threshold={threshold} />
              </ReportSection>
              <ReportSection id="by-agency" title={t("section.byAgency")} intro={<p>{t("intro.byAgency")}</p>}>
                <AgencyHeatmap components={professional.components} threshold={threshold} />
              </ReportSection>
              <ReportSection id="top-items" title={t("section.topItems")} intro={<p>{t("intro.topItems")}</p>}>
                <TopItems professional={professional} evidence={data.evidence} titles={data.itemTitles} />
              </ReportSection>
            </>
          ) : null}

          {partners ? (
            <ReportSection id="partners" title={t("section.partners")} intro={<p>{t("intro.partners")}</p>}>
              <Partners partners={partners} threshold={threshold} />
            </ReportSection>
          ) : null}

          <ReportSection id="family" title={t("section.family")} intro={<p>{t("intro.family")}</p>}>
            {family ? (
              <FamilyVoice family={family} threshold={threshold} />
            ) : (
              <p className="notice" data-testid="family-hidden">
                {ok.family.status === "ok"
                  ? ""
                  : ok.family.status === "suppressed"
                    ? t("family.hidden", { reason: ok.family.reason.toLowerCase() })
                    : t("family.none")}
              </p>
            )}
          </ReportSection>

          {data.experienceGap.length > 0 ? (
            <ReportSection
              id="experience"
              title={t("section.experience")}
              keepTogether
              intro={<p>{t("intro.experience")}</p>}
            >
              <ExperienceGap rows={data.experienceGap} threshold={threshold} />
            </ReportSection>
          ) : null}

          {short ? (
            <ReportSection id="short-form" title={t("section.shortForm")}>
              <ShortForm short={short} threshold={threshold} />
            </ReportSection>
          ) : null}

          {professional ? (
            <ReportSection id="trust" title={t("section.trust")}>
              <Trust components={professional.components} threshold={threshold} />
            </ReportSection>
          ) : null}

          {data.comments ? (
            <ReportSection
              id="comments"
              title={t("section.comments")}
              intro={<p className="hint">{t("intro.comments")}</p>}
            >
              {data.comments.available ? (
                <Comments comments={data.comments.comments} />
              ) : (
                <p>{t("comments.later", { threshold })}</p>
              )}
            </ReportSection>
          ) : null}
        </>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches, "report");
  return [
    {
      title: data
        ? `${t("results.title", { round: data.round.name })}${data.filtered && data.report.selected ? ` – ${data.report.selected.name}` : ""} – ${data.partnership.name}`
        : t("results.metaTitle"),
    },
  ];
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

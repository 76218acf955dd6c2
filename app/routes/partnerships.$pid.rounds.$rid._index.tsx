import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { qrCodeDataUrl } from "../qr-code.server";
import { AGENCY_TYPES, AGENCY_TYPE_KEYS, LEVELS, LEVEL_KEYS, agencyType, level } from "../domain/framework";
import { audit } from "../models/partnership.server";
import {
  createInvitation,
  getRound,
  listInvitations,
  responseCountsByPage,
  setRoundStatus,
} from "../models/round.server";
import { agencyInputs } from "../models/report.server";
import { latestSnapshot, snapshotRule, takeSnapshot } from "../models/snapshot.server";
import { liveCounts, type ShownCount } from "../domain/round-counts";
import { inTransaction } from "../db.server";
import { listWorkshops } from "../models/workshop.server";
import { formatDate, formatDateRange, formatDateTime } from "../domain/dates";
import { CompletionTable } from "../components/completion-table";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { ENTRY_MODES } from "../domain/entry-modes";
import { frameworkTerm } from "../domain/glossary";
import { translator, type Translate } from "../domain/i18n";
import { langOf } from "../language.server";
import {
  INVITED_GROUPS,
  INVITED_GROUP_KEYS,
  LOW_RESPONSE_RATE,
  responseRates,
  type RateCount,
} from "../domain/response-rates";
import { invitedCounts, setInvitedCounts } from "../models/reach.server";
import { createGroupInvitation, listTeams } from "../models/team.server";
import { ResponseRatesTable, groupName } from "../components/response-rates";
import { SelectField, useServerText } from "../components/forms";
import { localText } from "../domain/localised-text";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, role, canLead, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const origin = new URL(request.url).origin;
  const invitations = canLead ? await listInvitations(db, round.id) : [];
  const links = await Promise.all(
    invitations.map(async (inv) => {
      const url = `${origin}/s/${inv.token}`;
      return { id: inv.id, label: inv.label, kind: inv.kind, url, qr: await qrCodeDataUrl(url) };
    }),
  );
  const agencyRows = await listAgencies(db, partnership.id);
  const teamRows = canLead ? await listTeams(db, partnership.id) : [];
  const groups = canLead
    ? agencyRows.flatMap((a) => [
        { value: `org:${a.id}`, label: a.name },
        ...teamRows
          .filter((t) => t.agencyId === a.id)
          .map((t) => ({ value: `team:${t.id}`, label: `${a.name}: ${t.name}` })),
      ])
    : [];
  const lang = await langOf(request);
  const t = translator(lang, "staff");
  const sections = questionnaireFor(round, agencyRows, "professional").pages.map(
    (p) => localText(p.title, lang) ?? p.name,
  );
  // Counts only, suppressed jointly, the completion funnel with them: no count below the
  // threshold can be worked out from the others.
  const counts = liveCounts(await responseCountsByPage(db, round.id), round.suppression_threshold, { sections });
  const show = (c: ShownCount) =>
    c.shown
      ? String(c.n)
      : c.text === "hidden"
        ? t("count.hidden")
        : t("count.fewer", { threshold: round.suppression_threshold });
  const completion = counts.completion!;
  // Response rates where the lead recorded invited numbers: only from counts that are shown.
  const asRate = (c: ShownCount): RateCount => (c.shown ? { status: "ok", n: c.n } : { status: "suppressed" });
  const invited = await invitedCounts(db, round.id);
  const shownCounts: Record<string, RateCount> = {
    staff: asRate(counts.submitted),
    family: asRate(counts.family),
    ...Object.fromEntries(LEVEL_KEYS.map((l) => [`level:${l}`, asRate(counts.byLevel[l].submitted)])),
    ...Object.fromEntries(AGENCY_TYPE_KEYS.map((a) => [`agency:${a}`, asRate(counts.byAgency[a].submitted)])),
  };
  const today = new Date().toISOString().slice(0, 10);
  const daysLeft = Math.max(0, Math.ceil((Date.parse(round.closes_on) - Date.parse(today)) / 86400_000));
  const snapshot = await latestSnapshot(db, round.id);
  const rule = canLead ? await snapshotRule(db, round) : null;
  return {
    groups,
    partnership: { id: partnership.id, name: partnership.name },
    round,
    canLead,
    links,
    canFacilitate: role !== "viewer",
    workshops: await listWorkshops(db, { partnershipId: partnership.id, roundId: round.id }),
    daysLeft,
    completion,
    resultsReady: snapshot !== null && snapshot.content.result.status === "ok",
    snapshot: snapshot ? { kind: snapshot.kind, takenAt: snapshot.takenAt } : null,
    // Whether the lead may publish an interim snapshot now, or why not (no counts in the reason).
    publish: rule && round.status === "open" ? { allowed: rule.allowed, reason: ruleReason(rule.reason, t) } : null,
    totals: {
      submitted: show(counts.submitted),
      inProgress: show(counts.inProgress),
      family: show(counts.family),
    },
    byLevel: LEVELS.map((l) => ({
      name: frameworkTerm("level", l.key, lang),
      submitted: show(counts.byLevel[l.key].submitted),
      inProgress: show(counts.byLevel[l.key].inProgress),
    })),
    byMode: ENTRY_MODES.map((m) => ({ key: m, name: t(`mode.${m}`), submitted: show(counts.byMode[m]) })),
    invited,
    rates: responseRates(shownCounts, invited, { family: round.include_family === 1 }),
    byAgency: AGENCY_TYPES.map((a) => ({
      name: frameworkTerm("agency_type", a.key, lang),
      submitted: show(counts.byAgency[a.key].submitted),
      inProgress: show(counts.byAgency[a.key].inProgress),
    })),
  };
}

/** The snapshot rule's reason (English, from the model) in the reader's language. */
function ruleReason(reason: string | null, t: Translate): string | null {
  if (!reason) return reason;
  const each = /needs 0 or at least (\d+) new responses to each/.exec(reason);
  if (each) return t("r.ruleEach", { n: Number(each[1]) });
  const total = /needs at least (\d+) new submitted responses/.exec(reason);
  if (total) return t("r.ruleNew", { n: Number(total[1]) });
  return reason;
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("reopen") }),
  z.object({ intent: z.literal("publish") }),
  z.object({
    intent: z.literal("set_invited"),
    // Optional per group: blank clears it. Whole numbers of people, 1 to 1,000,000.
    ...Object.fromEntries(
      INVITED_GROUP_KEYS.map((k) => [
        `invited_${k}`,
        z
          .string()
          .trim()
          .regex(/^([1-9]\d{0,5}|1000000)?$/, "Enter a whole number of people from 1 to 1,000,000, or leave it blank")
          .default(""),
      ]),
    ),
  }),
  z.object({
    intent: z.literal("add_group_link"),
    // "org:<agency id>" or "team:<team id>" (issue 18).
    group: z.string().regex(/^(org|team):[A-Za-z0-9_-]{1,64}$/),
  }),
  z.object({
    intent: z.literal("add_link"),
    kind: z.enum(["professional", "family"]).default("professional"),
    agencyType: z.union([z.enum(AGENCY_TYPE_KEYS), z.literal("")]).default(""),
    level: z.union([z.enum(LEVEL_KEYS), z.literal("")]).default(""),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const form = Object.fromEntries(await request.formData());
  const parsed = ActionSchema.safeParse(form);
  if (!parsed.success) {
    if (form.intent === "set_invited") {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message] as const));
      return Response.json({ ok: false, invitedErrors: errors }, { status: 400 });
    }
    throw new Response("That action is not recognised.", { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "set_invited") {
    if (round.status !== "open") {
      return Response.json(
        { ok: false, invitedErrors: { form: "Invited numbers can be changed only while the round is open." } },
        { status: 409 },
      );
    }
    const fields = input as unknown as Record<string, string>;
    const counts = Object.fromEntries(
      INVITED_GROUP_KEYS.map((k) => [k, fields[`invited_${k}`] ? Number(fields[`invited_${k}`]) : null]),
    );
    await setInvitedCounts(db, { roundId: round.id, counts });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "round.invited_numbers_set",
    });
    return { ok: true };
  }
  if (input.intent === "publish") {
    if (round.status !== "open") throw new Response("Only an open round has interim results.", { status: 409 });
    const { snapshot, rule } = await takeSnapshot(db, {
      round,
      kind: "interim",
      agencies: await agencyInputs(db, partnership.id),
    });
    if (!snapshot) return new Response(rule.reason ?? "Not yet.", { status: 409 });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "round.interim_published",
    });
    return { ok: true };
  }
  if (input.intent === "close" || input.intent === "reopen") {
    const agencies = input.intent === "close" ? await agencyInputs(db, partnership.id) : [];
    // Closing and the final snapshot happen together (if the snapshot rule allows one; else
    // the round's last snapshot stays the published one).
    await inTransaction(db, async (trx) => {
      await setRoundStatus(trx, {
        partnershipId: partnership.id,
        roundId: round.id,
        status: input.intent === "close" ? "closed" : "open",
      });
      if (input.intent === "close") await takeSnapshot(trx, { round, kind: "final", agencies });
    });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: `round.${input.intent === "close" ? "closed" : "reopened"}`,
    });
    return { ok: true };
  }
  if (input.intent === "add_group_link") {
    const [kind, id] = input.group.split(":") as ["org" | "team", string];
    const teams = await listTeams(db, partnership.id);
    const team = kind === "team" ? teams.find((t) => t.id === id) : undefined;
    const agencyId = kind === "org" ? id : team?.agencyId;
    const agencyName = (await listAgencies(db, partnership.id)).find((a) => a.id === agencyId)?.name;
    if (!agencyId || !agencyName)
      throw new Response("That organisation or team is not the partnership's.", { status: 400 });
    const label = team ? `${agencyName}: ${team.name}` : agencyName;
    const created = await createGroupInvitation(db, {
      partnershipId: partnership.id,
      roundId: round.id,
      agencyId,
      teamId: team?.id ?? null,
      label,
    });
    if (!created) throw new Response("That organisation or team is not the partnership's.", { status: 400 });
    await audit(db, {
      userId: user.id,
      partnershipId: partnership.id,
      roundId: round.id,
      action: "invitation.created",
      detail: label,
    });
    return { ok: true };
  }
  if (!input.agencyType && !input.level)
    throw new Response("Choose an agency type or a level for the new link.", { status: 400 });
  const label = [
    input.agencyType ? agencyType(input.agencyType).name : null,
    input.level ? level(input.level).name : null,
  ]
    .filter(Boolean)
    .join(", ");
  await createInvitation(db, {
    roundId: round.id,
    kind: input.kind,
    label,
    agencyType: input.agencyType || null,
    level: input.level || null,
  });
  await audit(db, {
    userId: user.id,
    partnershipId: partnership.id,
    roundId: round.id,
    action: "invitation.created",
    detail: label,
  });
  return { ok: true };
}

export default function RoundPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ ok: boolean; invitedErrors?: Record<string, string> }>();
  const invitedErrors = actionData?.invitedErrors ?? null;
  const { round, partnership } = data;
  const busy = useNavigation().state !== "idle";
  const { t, lang } = useT("staff");
  const serverText = useServerText();
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>{round.name}</h1>
      <dl className="summary-list">
        <dt>{t("r.status")}</dt>
        <dd>
          <span className={`tag ${round.status === "open" ? "green" : "grey"}`}>{t(`status.${round.status}`)}</span>
          {round.status === "open" ? t("r.daysLeft", { count: data.daysLeft }) : null}
        </dd>
        <dt>{t("r.dates")}</dt>
        <dd>{formatDateRange(round.opens_on, round.closes_on, lang)}</dd>
        <dt>{t("r.questionnaire")}</dt>
        <dd>
          {round.form === "full" ? t("r.full") : t("r.short")}
          {round.include_continuum ? t("r.withContinuum") : ""}
          {round.include_family ? t("r.withFamily") : ""}
        </dd>
        <dt>{t("r.smallest")}</dt>
        <dd>{t("r.people", { count: round.suppression_threshold })}</dd>
      </dl>

      <h2>{t("r.responses")}</h2>
      <dl className="summary-list">
        <dt>{t("r.submitted")}</dt>
        <dd data-testid="submitted-count">{data.totals.submitted}</dd>
        <dt>{t("r.inProgress")}</dt>
        <dd>{data.totals.inProgress}</dd>
        {round.include_family ? (
          <>
            <dt>{t("r.familyVoice")}</dt>
            <dd>{data.totals.family}</dd>
          </>
        ) : null}
      </dl>
      <CompletionTable completion={data.completion} threshold={round.suppression_threshold} />
      {data.resultsReady ? (
        <p>
          <Link className="button" to={`/partnerships/${partnership.id}/rounds/${round.id}/results`}>
            {t("r.seeResults")}
          </Link>
        </p>
      ) : (
        <p className="notice">{t("r.resultsLater", { threshold: round.suppression_threshold })}</p>
      )}
      {data.snapshot ? (
        <p data-testid="snapshot-status">
          {t(data.snapshot.kind === "final" ? "r.snapshotFinal" : "r.snapshotInterim", {
            when: formatDateTime(data.snapshot.takenAt, lang),
          })}
        </p>
      ) : null}
      {data.publish ? (
        data.publish.allowed ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button secondary" disabled={busy}>
              {t("r.publish")}
            </button>
          </Form>
        ) : (
          <p className="hint" data-testid="publish-not-yet">
            {t("r.notYet", { reason: data.publish.reason })}
          </p>
        )
      ) : null}
      <ul className="button-group" aria-label={t("r.exports")} style={{ listStyle: "none", padding: 0 }}>
        <li>
          <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/actions`}>{t("r.actionPlan")}</Link>
        </li>
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/scores.csv`} download>
              {t("r.scoresCsv")}
            </a>
          </li>
        ) : null}
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/data.zip`} download>
              {t("r.dataZip")}
            </a>
          </li>
        ) : null}
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/data.zip?excel=1`} download>
              {t("r.dataZipExcel")}
            </a>
          </li>
        ) : null}
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/results.json`} download>
              {t("r.resultsJson")}
            </a>
          </li>
        ) : null}
        {data.resultsReady && data.canLead ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/answers.csv`} download>
              {t("r.answersCsv")}
            </a>
          </li>
        ) : null}
      </ul>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("r.scroll")}>
        <CountTable caption={t("r.byLevel")} heading={t("r.level")} rows={data.byLevel} />
        <CountTable caption={t("r.byAgency")} heading={t("r.kindOfAgency")} rows={data.byAgency} />
        <table>
          <caption className="visually-hidden">{t("r.byMode")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("r.howCameIn")}</th>
              <th scope="col" className="num">
                {t("r.submitted")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byMode.map((r) => (
              <tr key={r.key} data-testid={`mode-${r.key}`}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.submitted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("r.rates")}</h2>
      {data.rates.length ? (
        <ResponseRatesTable rates={data.rates} threshold={round.suppression_threshold} />
      ) : (
        <p>
          {t("r.noInvited")} {data.canLead && round.status === "open" ? t("r.recordInvited") : null}
        </p>
      )}

      {data.canFacilitate ? (
        <>
          <h2>{t("r.paper")}</h2>
          <p>{t("r.paperIntro")}</p>
          <ul>
            <li>
              <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/paper/professional`}>
                {t("r.printProfessional")}
              </Link>
            </li>
            {round.include_family ? (
              <li>
                <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/paper/family`}>{t("r.printFamily")}</Link>
              </li>
            ) : null}
            {round.status === "open" ? (
              <li>
                <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/entry`}>{t("r.enter")}</Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}

      <h2>{t("r.workshops")}</h2>
      {data.workshops.length ? (
        <ul>
          {data.workshops.map((w) => (
            <li key={w.id}>
              {data.canFacilitate || w.status === "ended" ? (
                <Link
                  to={`/partnerships/${partnership.id}/rounds/${round.id}/workshops/${w.id}${w.status === "ended" ? "/summary" : ""}`}
                >
                  {w.name}
                </Link>
              ) : (
                w.name
              )}{" "}
              <span className={`tag ${w.status === "active" ? "green" : "grey"}`}>
                {w.status === "active" ? t("r.workshopActive") : t("r.workshopEnded")}
              </span>{" "}
              {formatDate(w.created_at, lang)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("r.noWorkshops")}</p>
      )}
      {data.canFacilitate ? (
        <p>
          <Link className="button secondary" to={`/partnerships/${partnership.id}/rounds/${round.id}/workshops/new`}>
            {t("r.runWorkshop")}
          </Link>
        </p>
      ) : null}

      {data.canLead ? (
        <>
          <h2>{t("r.links")}</h2>
          <p>{t("r.linksIntro")}</p>
          <ul className="cards">
            {data.links.map((link) => (
              <li key={link.id} className="card">
                <h3>
                  {link.kind === "family" ? t("r.familyPrefix") : ""}
                  {link.label}
                </h3>
                <div className="copy-field">
                  <label className="visually-hidden" htmlFor={`link-${link.id}`}>
                    {t("r.linkFor", { label: link.label })}
                  </label>
                  <input id={`link-${link.id}`} readOnly value={link.url} data-kind={link.kind} />
                </div>
                <img className="qr" src={link.qr} alt={t("r.qrFor", { label: link.label })} width={160} height={160} />
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/reminders`}>{t("r.reminders")}</Link>
          </p>
          <h3>{t("r.addLink")}</h3>
          <p className="hint">{t("r.addLinkHint")}</p>
          <Form method="post" className="button-group">
            <input type="hidden" name="intent" value="add_link" />
            <SelectField
              name="agencyType"
              id="link-agency"
              label={t("r.kindOfAgency")}
              placeholder={t("r.any")}
              options={AGENCY_TYPES.map((a) => ({ value: a.key, label: frameworkTerm("agency_type", a.key, lang) }))}
              compact
            />
            <SelectField
              name="level"
              id="link-level"
              label={t("r.level")}
              placeholder={t("r.any")}
              options={LEVELS.map((l) => ({ value: l.key, label: frameworkTerm("level", l.key, lang) }))}
              compact
            />
            <button type="submit" className="button secondary" disabled={busy}>
              {t("r.addLinkButton")}
            </button>
          </Form>

          {data.groups.length ? (
            <>
              <h3>{t("r.addGroupLink")}</h3>
              <p className="hint">{t("r.addGroupLinkHint", { threshold: round.suppression_threshold })}</p>
              <Form method="post" className="button-group">
                <input type="hidden" name="intent" value="add_group_link" />
                <SelectField
                  name="group"
                  id="link-group"
                  label={t("r.orgOrTeam")}
                  options={data.groups}
                  defaultValue={data.groups[0]!.value}
                  compact
                />
                <button type="submit" className="button secondary" disabled={busy}>
                  {t("r.addGroupLinkButton")}
                </button>
              </Form>
            </>
          ) : null}

          {round.status === "open" ? (
            <>
              <h2 id="invited-numbers">{t("r.invited")}</h2>
              <p>{t("r.invitedIntro", { percent: Math.round(LOW_RESPONSE_RATE * 100) })}</p>
              {invitedErrors ? (
                <div className="error-summary" role="alert" tabIndex={-1}>
                  <h3>{t("common:form.problem")}</h3>
                  <ul>
                    {Object.entries(invitedErrors).map(([field, message]) => (
                      <li key={field}>
                        {field === "form" ? serverText(message) : <a href={`#${field}`}>{serverText(message)}</a>}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <Form method="post" className="invited-form">
                <input type="hidden" name="intent" value="set_invited" />
                {INVITED_GROUPS.filter((g) => round.include_family || !g.family).map((g) => (
                  <div className="field" key={g.key}>
                    <label htmlFor={`invited_${g.key}`}>
                      {g.key.startsWith("level:")
                        ? t("r.levelPrefix")
                        : g.key.startsWith("agency:")
                          ? t("r.agencyPrefix")
                          : ""}
                      {groupName(g.key, lang)}
                    </label>
                    {invitedErrors?.[`invited_${g.key}`] ? (
                      <p className="error-message" id={`invited_${g.key}-error`}>
                        <span className="visually-hidden">{t("common:form.error")}</span>{" "}
                        {serverText(invitedErrors[`invited_${g.key}`])}
                      </p>
                    ) : null}
                    <input
                      id={`invited_${g.key}`}
                      name={`invited_${g.key}`}
                      inputMode="numeric"
                      className="input-width-5"
                      defaultValue={data.invited[g.key] !== undefined ? String(data.invited[g.key]) : ""}
                      aria-describedby={invitedErrors?.[`invited_${g.key}`] ? `invited_${g.key}-error` : undefined}
                    />
                  </div>
                ))}
                <button type="submit" className="button secondary" disabled={busy}>
                  {t("r.saveInvited")}
                </button>
              </Form>
            </>
          ) : null}

          <h2>{round.status === "open" ? t("r.close") : t("r.reopen")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value={round.status === "open" ? "close" : "reopen"} />
            <p>{round.status === "open" ? t("r.closeIntro") : t("r.reopenIntro")}</p>
            <button
              type="submit"
              className={`button ${round.status === "open" ? "warning" : "secondary"}`}
              disabled={busy}
            >
              {round.status === "open" ? t("r.closeButton") : t("r.reopenButton")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.round.name} – ${data.partnership.name}` : metaT(matches, "staff")("r.meta") },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** Responses submitted and in progress (counts as the loader shows them: "fewer than 5" where small), one row a group. */
function CountTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: { name: string; submitted: string; inProgress: string }[];
}) {
  const { t } = useT("staff");
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            {t("r.submitted")}
          </th>
          <th scope="col" className="num">
            {t("r.inProgress")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td className="num">{r.submitted}</td>
            <td className="num">{r.inProgress}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

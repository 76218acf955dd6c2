import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
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
import { formatDate, formatDateRange } from "../domain/dates";
import { CompletionTable } from "../components/completion-table";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { ENTRY_MODES, ENTRY_MODE_NAMES } from "../domain/entry-modes";
import {
  INVITED_GROUPS,
  INVITED_GROUP_KEYS,
  LOW_RESPONSE_RATE,
  responseRates,
  type RateCount,
} from "../domain/response-rates";
import { invitedCounts, setInvitedCounts } from "../models/reach.server";
import { createGroupInvitation, listTeams } from "../models/team.server";
import { ResponseRatesTable } from "../components/response-rates";
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
  const sections = questionnaireFor(round, agencyRows, "professional").pages.map((p) => localText(p.title) ?? p.name);
  // Counts only, suppressed jointly, the completion funnel with them: no count below the
  // threshold can be worked out from the others.
  const counts = liveCounts(await responseCountsByPage(db, round.id), round.suppression_threshold, { sections });
  const show = (c: ShownCount) => (c.shown ? String(c.n) : c.text);
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
    publish: rule && round.status === "open" ? { allowed: rule.allowed, reason: rule.reason } : null,
    totals: {
      submitted: show(counts.submitted),
      inProgress: show(counts.inProgress),
      family: show(counts.family),
    },
    byLevel: LEVELS.map((l) => ({
      name: l.name,
      submitted: show(counts.byLevel[l.key].submitted),
      inProgress: show(counts.byLevel[l.key].inProgress),
    })),
    byMode: ENTRY_MODES.map((m) => ({ key: m, name: ENTRY_MODE_NAMES[m], submitted: show(counts.byMode[m]) })),
    invited,
    rates: responseRates(shownCounts, invited, { family: round.include_family === 1 }),
    byAgency: AGENCY_TYPES.map((a) => ({
      name: a.name,
      submitted: show(counts.byAgency[a.key].submitted),
      inProgress: show(counts.byAgency[a.key].inProgress),
    })),
  };
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
  return (
    <div>
      <span className="caption">{partnership.name}</span>
      <h1>{round.name}</h1>
      <dl className="summary-list">
        <dt>Status</dt>
        <dd>
          <span className={`tag ${round.status === "open" ? "green" : "grey"}`}>{round.status}</span>
          {round.status === "open" ? ` · ${data.daysLeft} days left` : null}
        </dd>
        <dt>Dates</dt>
        <dd>{formatDateRange(round.opens_on, round.closes_on)}</dd>
        <dt>Questionnaire</dt>
        <dd>
          {round.form === "full" ? "Full" : "Short form"}
          {round.include_continuum ? ", with the continuum" : ""}
          {round.include_family ? ", with family voice" : ""}
        </dd>
        <dt>Smallest group shown</dt>
        <dd>{round.suppression_threshold} people</dd>
      </dl>

      <h2>Responses</h2>
      <dl className="summary-list">
        <dt>Submitted</dt>
        <dd data-testid="submitted-count">{data.totals.submitted}</dd>
        <dt>In progress</dt>
        <dd>{data.totals.inProgress}</dd>
        {round.include_family ? (
          <>
            <dt>Family voice</dt>
            <dd>{data.totals.family}</dd>
          </>
        ) : null}
      </dl>
      <CompletionTable completion={data.completion} threshold={round.suppression_threshold} />
      {data.resultsReady ? (
        <p>
          <Link className="button" to={`/partnerships/${partnership.id}/rounds/${round.id}/results`}>
            See the results
          </Link>
        </p>
      ) : (
        <p className="notice">
          Results appear once a snapshot is published with at least {round.suppression_threshold} submitted responses,
          so that no one's answers can be picked out.
        </p>
      )}
      {data.snapshot ? (
        <p data-testid="snapshot-status">
          The results show the {data.snapshot.kind} snapshot published{" "}
          {data.snapshot.takenAt.slice(0, 16).replace("T", " ")} UTC.
        </p>
      ) : null}
      {data.publish ? (
        data.publish.allowed ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button secondary" disabled={busy}>
              Publish interim results now
            </button>
          </Form>
        ) : (
          <p className="hint" data-testid="publish-not-yet">
            Interim results cannot be published yet: {data.publish.reason}
          </p>
        )
      ) : null}
      <ul className="button-group" aria-label="Action plan and exports" style={{ listStyle: "none", padding: 0 }}>
        <li>
          <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/actions`}>Action plan</Link>
        </li>
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/scores.csv`} download>
              Scores (CSV)
            </a>
          </li>
        ) : null}
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/data.zip`} download>
              Data and codebook (ZIP)
            </a>
          </li>
        ) : null}
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/data.zip?excel=1`} download>
              Data and codebook for Excel (ZIP)
            </a>
          </li>
        ) : null}
        {data.resultsReady ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/results.json`} download>
              Full results (JSON)
            </a>
          </li>
        ) : null}
        {data.resultsReady && data.canLead ? (
          <li>
            <a href={`/partnerships/${partnership.id}/rounds/${round.id}/export/answers.csv`} download>
              Anonymised answers (CSV)
            </a>
          </li>
        ) : null}
      </ul>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: scroll sideways to see every column">
        <table>
          <caption className="visually-hidden">Responses by level</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col" className="num">
                Submitted
              </th>
              <th scope="col" className="num">
                In progress
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byLevel.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.submitted}</td>
                <td className="num">{r.inProgress}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption className="visually-hidden">Responses by kind of agency</caption>
          <thead>
            <tr>
              <th scope="col">Kind of agency</th>
              <th scope="col" className="num">
                Submitted
              </th>
              <th scope="col" className="num">
                In progress
              </th>
            </tr>
          </thead>
          <tbody>
            {data.byAgency.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.submitted}</td>
                <td className="num">{r.inProgress}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption className="visually-hidden">Submitted responses by how they came in</caption>
          <thead>
            <tr>
              <th scope="col">How it came in</th>
              <th scope="col" className="num">
                Submitted
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

      <h2>Response rates</h2>
      {data.rates.length ? (
        <ResponseRatesTable rates={data.rates} threshold={round.suppression_threshold} />
      ) : (
        <p>
          No invited numbers recorded yet.{" "}
          {data.canLead && round.status === "open"
            ? "Record how many people you invited in each group below to see response rates."
            : null}
        </p>
      )}

      {data.canFacilitate ? (
        <>
          <h2>Paper and assisted responses</h2>
          <p>
            Print a questionnaire for people who would rather answer on paper, then enter the completed forms here; or
            fill one in with a respondent beside you. Entered responses count with the others and are never linked to
            the person who entered them.
          </p>
          <ul>
            <li>
              <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/paper/professional`}>
                Print the professional questionnaire
              </Link>
            </li>
            {round.include_family ? (
              <li>
                <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/paper/family`}>
                  Print the family-voice questionnaire (large type)
                </Link>
              </li>
            ) : null}
            {round.status === "open" ? (
              <li>
                <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/entry`}>
                  Enter a paper or assisted response
                </Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}

      <h2>Workshops</h2>
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
                {w.status === "active" ? "in progress" : "ended"}
              </span>{" "}
              {formatDate(w.created_at)}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          No workshops yet. In a workshop, participants rate each component on their phones and the group agrees a
          score.
        </p>
      )}
      {data.canFacilitate ? (
        <p>
          <Link className="button secondary" to={`/partnerships/${partnership.id}/rounds/${round.id}/workshops/new`}>
            Run a workshop
          </Link>
        </p>
      ) : null}

      {data.canLead ? (
        <>
          <h2>Invitation links</h2>
          <p>
            Share a link by email or print its QR code on a handout. No one needs an account, and no names are asked.
          </p>
          <ul className="cards">
            {data.links.map((link) => (
              <li key={link.id} className="card">
                <h3>
                  {link.kind === "family" ? "Family voice: " : ""}
                  {link.label}
                </h3>
                <div className="copy-field">
                  <label className="visually-hidden" htmlFor={`link-${link.id}`}>
                    Link for {link.label}
                  </label>
                  <input id={`link-${link.id}`} readOnly value={link.url} data-kind={link.kind} />
                </div>
                <img className="qr" src={link.qr} alt={`QR code for the ${link.label} link`} width={160} height={160} />
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/partnerships/${partnership.id}/rounds/${round.id}/reminders`}>
              Reminder pack: a poster and a message to copy for each link
            </Link>
          </p>
          <h3>Add a link for one group</h3>
          <p className="hint">
            A link per agency type or level lets you see which groups have answered. Answers stay anonymous.
          </p>
          <Form method="post" className="button-group">
            <input type="hidden" name="intent" value="add_link" />
            <div className="field" style={{ margin: 0 }}>
              <label htmlFor="link-agency">Kind of agency</label>
              <select id="link-agency" name="agencyType" defaultValue="">
                <option value="">Any</option>
                {AGENCY_TYPES.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field" style={{ margin: 0 }}>
              <label htmlFor="link-level">Level</label>
              <select id="link-level" name="level" defaultValue="">
                <option value="">Any</option>
                {LEVELS.map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button secondary" disabled={busy}>
              Add link
            </button>
          </Form>

          {data.groups.length ? (
            <>
              <h3>Add a link for an organisation or a team</h3>
              <p className="hint">
                Respondents with this link are not asked which agency they work for, and the report can be filtered to
                their organisation or team (figures only for groups of {round.suppression_threshold} or more).
              </p>
              <Form method="post" className="button-group">
                <input type="hidden" name="intent" value="add_group_link" />
                <div className="field" style={{ margin: 0 }}>
                  <label htmlFor="link-group">Organisation or team</label>
                  <select id="link-group" name="group" defaultValue={data.groups[0]!.value}>
                    {data.groups.map((g) => (
                      <option key={g.value} value={g.value}>
                        {g.label}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button secondary" disabled={busy}>
                  Add organisation or team link
                </button>
              </Form>
            </>
          ) : null}

          {round.status === "open" ? (
            <>
              <h2 id="invited-numbers">How many people were invited</h2>
              <p>
                Optional. Record how many people you invited in the groups you track, to see response rates. A group
                answering below {Math.round(LOW_RESPONSE_RATE * 100)}% of those invited is flagged as possibly not
                representative. You can change these while the round is open.
              </p>
              {invitedErrors ? (
                <div className="error-summary" role="alert" tabIndex={-1}>
                  <h3>There is a problem</h3>
                  <ul>
                    {Object.entries(invitedErrors).map(([field, message]) => (
                      <li key={field}>{field === "form" ? message : <a href={`#${field}`}>{message}</a>}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <Form method="post" className="invited-form">
                <input type="hidden" name="intent" value="set_invited" />
                {INVITED_GROUPS.filter((g) => round.include_family || !g.family).map((g) => (
                  <div className="field" key={g.key}>
                    <label htmlFor={`invited_${g.key}`}>
                      {g.key.startsWith("level:") ? "Level: " : g.key.startsWith("agency:") ? "Kind of agency: " : ""}
                      {g.name}
                    </label>
                    {invitedErrors?.[`invited_${g.key}`] ? (
                      <p className="error-message" id={`invited_${g.key}-error`}>
                        <span className="visually-hidden">Error:</span> {invitedErrors[`invited_${g.key}`]}
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
                  Save invited numbers
                </button>
              </Form>
            </>
          ) : null}

          <h2>{round.status === "open" ? "Close the round" : "Reopen the round"}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value={round.status === "open" ? "close" : "reopen"} />
            <p>
              {round.status === "open"
                ? "A closed round takes no more answers. You can reopen it."
                : "Reopening lets people answer again until the closing date."}
            </p>
            <button
              type="submit"
              className={`button ${round.status === "open" ? "warning" : "secondary"}`}
              disabled={busy}
            >
              {round.status === "open" ? "Close round" : "Reopen round"}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.name} – ${data.partnership.name}` : "Round" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

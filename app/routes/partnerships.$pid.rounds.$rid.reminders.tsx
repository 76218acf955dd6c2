import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { langOf } from "../language.server";
import { requirePartnershipRole } from "../access/partnership.server";
import { CopyButton } from "../components/copy-button";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { reminderText } from "../domain/reminder-pack";
import { getRound, listInvitations } from "../models/round.server";
import { qrCodeDataUrl } from "../qr-code.server";
import paperCss from "../styles/paper.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperCss }];

/**
 * The reminder pack (issue 24): for each invitation link of the round, a one-page poster with
 * its QR code and link (printed, one per A4 page) and a short message to copy into an email or
 * a team chat. Leads only: the links are theirs to share.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const origin = new URL(request.url).origin;
  const lang = await langOf(request);
  const invitations = await listInvitations(db, round.id);
  const posters = await Promise.all(
    invitations.map(async (inv) => {
      // A poster in Welsh opens the questionnaire in Welsh.
      const url = `${origin}/s/${inv.token}${lang === "en" ? "" : `?lang=${lang}`}`;
      return {
        id: inv.id,
        label: inv.label,
        kind: inv.kind,
        url,
        qr: await qrCodeDataUrl(url),
        text: reminderText(
          { kind: inv.kind, label: inv.label, url },
          { partnershipName: partnership.name, roundName: round.name, closesOn: round.closes_on, form: round.form },
          lang,
        ),
      };
    }),
  );
  return {
    partnership: { id: partnership.id, name: partnership.name },
    round: { id: round.id, name: round.name, status: round.status },
    posters,
  };
}

export default function ReminderPack() {
  const { partnership, round, posters } = useLoaderData<typeof loader>();
  const { t } = useT("staff");
  return (
    <div>
      <div className="reminder-tools">
        <span className="caption">{partnership.name}</span>
        <h1>{t("rem.title", { round: round.name })}</h1>
        <p>{t("rem.intro")}</p>
        {round.status !== "open" ? <p className="notice">{t("rem.closed")}</p> : null}
        <p>
          <button type="button" className="button" onClick={() => window.print()}>
            {t("rem.print")}
          </button>{" "}
          <Link to={`/partnerships/${partnership.id}/rounds/${round.id}`}>{t("rem.back")}</Link>
        </p>
      </div>
      {posters.map((p) => (
        <section key={p.id} aria-labelledby={`poster-${p.id}`}>
          <div className="reminder-poster" data-testid="reminder-poster">
            <p className="caption">{partnership.name}</p>
            <h2 id={`poster-${p.id}`}>{p.text.heading}</h2>
            <p className="hint">{p.kind === "family" ? t("rem.family") : p.label}</p>
            <img className="qr" src={p.qr} alt={t("r.qrFor", { label: p.label })} width={264} height={264} />
            <p className="poster-link">{p.url}</p>
            {p.text.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="reminder-message">
            <label htmlFor={`message-${p.id}`}>
              {p.kind === "family"
                ? t("rem.messageForFamily", { label: p.label })
                : t("rem.messageFor", { label: p.label })}
            </label>
            <textarea id={`message-${p.id}`} readOnly value={p.text.message} />
            <p>
              <CopyButton text={p.text.message} label={t("rem.copy")} />
            </p>
          </div>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${metaT(matches, "staff")("rem.meta")} – ${data.round.name}` : metaT(matches, "staff")("rem.meta") },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

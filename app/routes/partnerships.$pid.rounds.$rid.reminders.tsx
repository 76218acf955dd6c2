import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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
  const invitations = await listInvitations(db, round.id);
  const posters = await Promise.all(
    invitations.map(async (inv) => {
      const url = `${origin}/s/${inv.token}`;
      return {
        id: inv.id,
        label: inv.label,
        kind: inv.kind,
        url,
        qr: await qrCodeDataUrl(url),
        text: reminderText(
          { kind: inv.kind, label: inv.label, url },
          { partnershipName: partnership.name, roundName: round.name, closesOn: round.closes_on, form: round.form },
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
  return (
    <div>
      <div className="reminder-tools">
        <span className="caption">{partnership.name}</span>
        <h1>Reminder pack: {round.name}</h1>
        <p>
          One poster per invitation link: print them (each fills one A4 page) for staff rooms, reception desks and
          family hubs. Below each poster is a short message to copy into an email or a team chat.
        </p>
        {round.status !== "open" ? (
          <p className="notice">This round is closed: its links no longer take answers.</p>
        ) : null}
        <p>
          <button type="button" className="button" onClick={() => window.print()}>
            Print the posters
          </button>{" "}
          <Link to={`/partnerships/${partnership.id}/rounds/${round.id}`}>Back to the round</Link>
        </p>
      </div>
      {posters.map((p) => (
        <section key={p.id} aria-labelledby={`poster-${p.id}`}>
          <div className="reminder-poster" data-testid="reminder-poster">
            <p className="caption">{partnership.name}</p>
            <h2 id={`poster-${p.id}`}>{p.text.heading}</h2>
            <p className="hint">{p.kind === "family" ? "Family voice" : p.label}</p>
            <img className="qr" src={p.qr} alt={`QR code for the ${p.label} link`} width={264} height={264} />
            <p className="poster-link">{p.url}</p>
            {p.text.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="reminder-message">
            <label htmlFor={`message-${p.id}`}>
              Message for {p.kind === "family" ? `family voice (${p.label})` : p.label}
            </label>
            <textarea id={`message-${p.id}`} readOnly value={p.text.message} />
            <p>
              <CopyButton text={p.text.message} label="Copy the message" />
            </p>
          </div>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Reminder pack – ${data.round.name}` : "Reminder pack" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

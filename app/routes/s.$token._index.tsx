import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import surveyCss from "survey-core/survey-core.fontless.min.css";
import { requireOpenInvitation } from "../access/invitation.server";
import { ClientOnly } from "../components/client-only";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { SurveyRunner } from "../components/survey-runner.client";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { loadAnswers } from "../models/response.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { db, invitation, response: mine } = await requireOpenInvitation(request, token);
  const agencies = await listAgencies(db, invitation.partnershipId);
  return {
    token,
    kind: invitation.kind,
    partnershipName: invitation.partnershipName,
    roundName: invitation.roundName,
    closesOn: invitation.closes_on,
    questionnaire: questionnaireFor(invitation, agencies, invitation.kind),
    submitted: mine?.status === "submitted",
    saved: mine && mine.status === "in_progress" ? { answers: await loadAnswers(db, mine.id), currentPage: mine.current_page } : null,
  };
}

export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  if (data.submitted) {
    return (
      <div>
        <h1>You have already submitted your answers</h1>
        <p>Thank you. Your answers to {data.roundName} for {data.partnershipName} are stored and can no longer be changed.</p>
      </div>
    );
  }
  return (
    <div>
      <span className="caption">{data.partnershipName}</span>
      <h1>{data.kind === "family" ? "Did services work together for you?" : "How well do services work together?"}</h1>
      <div className="notice">
        <p>
          Your answers are anonymous: we do not ask for your name or email, and no one in the partnership sees any one
          person's answers. Results are only shown for groups of several people.
        </p>
        <p>Your answers are saved as you go. You can close this page and come back to it on this device until {data.closesOn}.</p>
      </div>
      <ClientOnly fallback={<p>Loading the questionnaire…</p>}>
        {() => (
          <SurveyRunner
            token={data.token}
            json={data.questionnaire}
            saved={data.saved}
          />
        )}
      </ClientOnly>
      <noscript>
        <p>This questionnaire needs JavaScript. If you cannot use JavaScript, contact the partnership for a paper copy.</p>
      </noscript>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.roundName} – ${data.partnershipName}` : "Questionnaire" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

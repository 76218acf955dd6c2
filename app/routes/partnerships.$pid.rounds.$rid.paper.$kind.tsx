import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PaperQuestionnaireView } from "../components/paper-questionnaire";
import { paperQuestionnaire, paperReference } from "../domain/paper-questionnaire";
import { listAgencies } from "../models/partnership.server";
import { questionnaireFor } from "../models/questionnaire.server";
import { getRound } from "../models/round.server";
import paperCss from "../styles/paper.css";
import { langOf } from "../language.server";
import { metaT } from "../components/i18n";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: paperCss }];

const KindSchema = z.enum(["professional", "family"]);

/**
 * A round's questionnaire on paper (issue 24): the same definition the respondents' runner
 * shows, walked into plain HTML with tick boxes, printed from the browser (or saved as PDF).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "viewer");
  const round = await getRound(db, { partnershipId: partnership.id, roundId: params.rid! });
  if (!round) throw new Response("Round not found.", { status: 404 });
  const kind = KindSchema.safeParse(params.kind);
  if (!kind.success || (kind.data === "family" && !round.include_family)) {
    throw new Response("This round has no such questionnaire.", { status: 404 });
  }
  const survey = questionnaireFor(round, await listAgencies(db, partnership.id), kind.data);
  return {
    partnershipName: partnership.name,
    roundName: round.name,
    kind: kind.data,
    form: round.form,
    reference: paperReference(round.id, kind.data),
    paper: paperQuestionnaire(survey, await langOf(request)),
  };
}

export default function PaperQuestionnairePage() {
  const data = useLoaderData<typeof loader>();
  return <PaperQuestionnaireView {...data} />;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches, "respondent");
  return [{ title: data ? `${t("paper.title")} ${data.reference} – ${data.roundName}` : t("paper.title") }];
};

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOpenInvitation } from "../access/invitation.server";
import { problem } from "../http.server";
import { questionnaireFor } from "../models/questionnaire.server";

/**
 * The invitation's questionnaire (SurveyJS JSON), fetched by the respondent's page when it
 * loads SurveyJS, so that the start page and the first section arrive without it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitation } = await requireOpenInvitation(request, params.token ?? "", problem);
  const agencies = invitation.agencies;
  return Response.json(questionnaireFor(invitation, agencies, invitation.kind, invitation.agency_id), {
    headers: { "Cache-Control": "private, no-cache" },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireResumeLink, resumeCookieName, RESUME_COOKIE_DAYS } from "../access/invitation.server";
import { cookieHeader } from "../auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";

/** A resume link carries a respondent to their saved answers on another device. */
/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { invitationToken } = await requireResumeLink(request, params.resume ?? "");
  return redirect(`/s/${invitationToken}`, {
    headers: {
      "Set-Cookie": await cookieHeader(
        request,
        resumeCookieName(invitationToken),
        params.resume ?? "",
        RESUME_COOKIE_DAYS * 86400,
      ),
    },
  });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

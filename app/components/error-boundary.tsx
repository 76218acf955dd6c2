import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { localiseServerText } from "../domain/i18n/server-text";
import { useT } from "./i18n";

/** The statuses with a title of their own (common:error.<status>). */
const TITLED = new Set([400, 403, 404, 409, 410, 413, 429]);

/** One error page for every route, with a message per status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t, lang } = useT();
  if (isRouteErrorResponse(error)) {
    const title = TITLED.has(error.status) ? t(`error.${error.status}`) : t("error.other");
    const message = typeof error.data === "string" ? localiseServerText(error.data, lang) : "";
    return (
      <div className="error-page">
        <h1>{title}</h1>
        {message ? <p>{message}</p> : null}
        <p>
          <Link to="/">{t("error.home")}</Link>
        </p>
      </div>
    );
  }
  console.error(error);
  return (
    <div className="error-page">
      <h1>{t("error.service")}</h1>
      <p>{t("error.serviceBody")}</p>
    </div>
  );
}

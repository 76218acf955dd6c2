import type { MetaFunction } from "@remix-run/node";
import { metaT, useT } from "../components/i18n";

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export default function Done() {
  const { t } = useT("respondent");
  return (
    <div>
      <div className="success-panel" role="status">
        <h1>{t("done.title")}</h1>
        <p>{t("done.thanks")}</p>
      </div>
      <h2>{t("done.nextTitle")}</h2>
      <p>{t("done.next")}</p>
      <p>{t("done.close")}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "respondent")("done.title") }];

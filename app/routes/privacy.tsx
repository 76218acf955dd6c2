import { metaT, useT } from "../components/i18n";
import type { MetaFunction } from "@remix-run/node";

export default function Privacy() {
  const { t } = useT("site");
  return (
    <div>
      <h1>{t("privacy.title")}</h1>
      <h2>{t("privacy.answering")}</h2>
      <ul>
        <li>{t("privacy.noName")}</li>
        <li>{t("privacy.noIp")}</li>
        <li>{t("privacy.store")}</li>
        <li>{t("privacy.cookie")}</li>
        <li>{t("privacy.groups")}</li>
        <li>{t("privacy.comments")}</li>
      </ul>
      <h2>{t("privacy.howLong")}</h2>
      <p>{t("privacy.retention")}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "site")("privacy.title") }];

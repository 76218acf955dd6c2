/** Free-text comments, shown to leads only (the route decides who sees them). */
import { useT } from "../i18n";
import { ReportText } from "./figures";

export function Comments({ comments }: { comments: { questionnaire: "professional" | "family"; text: string }[] }) {
  const { t } = useT("report");
  return comments.length ? (
    <ul className="comments" data-testid="comments">
      {comments.map((c, i) => (
        <li key={i}>
          <blockquote>{c.text}</blockquote>
          <span className="hint">
            {c.questionnaire === "family" ? <ReportText k="section.family" /> : t("comments.professional")}
          </span>
        </li>
      ))}
    </ul>
  ) : (
    <p>{t("comments.none")}</p>
  );
}

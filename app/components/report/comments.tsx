/** Free-text comments, shown to leads only (the route decides who sees them). */
import { ReportText } from "./figures";

export function Comments({ comments }: { comments: { questionnaire: "professional" | "family"; text: string }[] }) {
  return comments.length ? (
    <ul className="comments" data-testid="comments">
      {comments.map((c, i) => (
        <li key={i}>
          <blockquote>{c.text}</blockquote>
          <span className="hint">
            {c.questionnaire === "family" ? <ReportText k="section.family" /> : "Professional"}
          </span>
        </li>
      ))}
    </ul>
  ) : (
    <p>No one left a comment.</p>
  );
}

/** The report's opening: key messages written by rules from the figures, each linking to its figure. */
import type { KeyMessage, KeyMessageFigure } from "../../domain/key-messages";
import { useT } from "../i18n";

/** What each link says: the figure or table a message is read from. */
export const KEY_MESSAGE_SOURCES: Record<KeyMessageFigure, string> = {
  "component-scores": "Figure 1",
  continuum: "Figure 2",
  "perception-gap": "Figure 4",
  "agency-heatmap": "Figure 5",
  "experience-gap": "Figure 9",
  change: "Change since the last round",
};

export function KeyMessages({ messages }: { messages: KeyMessage[] }) {
  const { t } = useT("report");
  return (
    <ul className="key-messages" data-testid="key-messages">
      {messages.map((m) => (
        <li key={m.kind} data-kind={m.kind} data-claims={m.claims.join(" ")}>
          <span className="key-message-text">{m.text}</span>{" "}
          <a href={`#${m.figure}`} className="key-message-source">
            {t("km.see", { source: t(`km.source.${m.figure}`) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

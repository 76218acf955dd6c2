/**
 * The words of a round's reminder pack (issue 24): the poster's heading and lines and the short
 * message a lead copies into an email or a team chat, per invitation link, in the lead's language
 * (the messages are in the `staff` namespace).
 */
import { formatDate } from "./dates";
import { translator } from "./i18n";
import type { Lang } from "./language";

export interface ReminderInvitation {
  kind: "professional" | "family";
  label: string;
  url: string;
}

export interface ReminderText {
  heading: string;
  lines: string[];
  message: string;
}

/**
 * In the reader's language: `t` is the `staff` namespace's translator (English by default).
 *
 * @example
 * reminderText({ kind: "family", label: "Families", url: "https://x/s/abc" },
 *   { partnershipName: "Northshire", roundName: "2026", closesOn: "2026-03-31", form: "full" });
 * // { heading: "Did services work together for you?", lines: [...], message: "..." }
 */
export function reminderText(
  invitation: ReminderInvitation,
  round: { partnershipName: string; roundName: string; closesOn: string; form: "full" | "short" },
  lang: Lang = "en",
): ReminderText {
  const t = translator(lang, "staff");
  const family = invitation.kind === "family";
  const minutes = t(`rem.minutes.${family ? "short" : round.form}`);
  const until = formatDate(round.closesOn, lang);
  const partnership = round.partnershipName;
  const heading = family ? t("rem.headingFamily") : t("rem.heading");
  const lines = [
    family ? t("rem.lineFamily", { partnership }) : t("rem.line", { partnership }),
    t("rem.takes", { minutes, until }),
    t("rem.anonymous"),
    family ? t("rem.paperFamily") : t("rem.paper"),
  ];
  const message = [
    family ? t("rem.msgFamily", { partnership }) : t("rem.msg", { partnership, round: round.roundName, until }),
    t("rem.msgTakes", { minutes }),
    t("rem.msgAnswer", { url: invitation.url }),
    family ? "" : t("rem.msgThanks"),
  ]
    .filter(Boolean)
    .join("\n");
  return { heading, lines, message };
}

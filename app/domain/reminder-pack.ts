/**
 * The words of a round's reminder pack (issue 24): the poster's heading and lines and the short
 * message a lead copies into an email or a team chat, per invitation link. Plain TypeScript.
 */
import { formatDate } from "./dates";

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

const MINUTES = { full: "about 25 minutes", short: "about 5 minutes", family: "about 5 minutes" } as const;

/**
 * @example
 * reminderText({ kind: "family", label: "Families", url: "https://x/s/abc" },
 *   { partnershipName: "Northshire", roundName: "2026", closesOn: "2026-03-31", form: "full" });
 * // { heading: "Did services work together for you?", lines: [...], message: "..." }
 */
export function reminderText(
  invitation: ReminderInvitation,
  round: { partnershipName: string; roundName: string; closesOn: string; form: "full" | "short" },
): ReminderText {
  const family = invitation.kind === "family";
  const minutes = MINUTES[family ? "family" : round.form];
  const until = formatDate(round.closesOn);
  const heading = family ? "Did services work together for you?" : "How well do our services work together?";
  const lines = [
    family
      ? `${round.partnershipName} wants to hear from children, young people, parents and carers.`
      : `${round.partnershipName} is asking everyone who works with children and families.`,
    `It takes ${minutes}, on a phone or a computer. Open until ${until}.`,
    "It is anonymous: no name or email is asked, and results are only shown for groups of several people.",
    family
      ? "Would you rather answer on paper, or with someone you trust? Ask the person who gave you this."
      : "Would you rather answer on paper? Ask the partnership lead for a paper copy.",
  ];
  const message = [
    family
      ? `${round.partnershipName} would like to know whether services worked together for you and your family.`
      : `Reminder: ${round.partnershipName}'s self-assessment "${round.roundName}" is open until ${until}.`,
    `It takes ${minutes} and is anonymous (no name or email is asked).`,
    `Answer here: ${invitation.url}`,
    family ? "" : "If you have already answered, thank you. Paper copies are available if you prefer.",
  ]
    .filter(Boolean)
    .join("\n");
  return { heading, lines, message };
}

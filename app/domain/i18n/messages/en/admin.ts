import type { MessageFile } from "../../index";

/** Administration, the national view and comparing areas. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    title: "Administration",
    resetGiven: "Give this one-time link to {{email}}. It works once, for 24 hours.",
    resetLink: "Reset link",
    translations: "Translations",
    accounts: "Accounts",
    nationalIntro: "A national viewer sees the",
    nationalLink: "national view",
    nationalIntroRest:
      ": pooled figures of the areas whose leads share them nationally, never from fewer than 5 areas. Check with the person that the account is theirs before you make it one.",
    nationalOn: "{{email}} is a national viewer.",
    nationalOff: "{{email}} is no longer a national viewer.",
    scroll: "Table: scroll sideways to see every column",
    name: "Name",
    email: "Email",
    role: "Role",
    actions: "Actions",
    administrator: "Administrator",
    nationalViewer: "National viewer",
    user: "User",
    stopNational: "Stop national viewing",
    makeNational: "Make national viewer",
    forEmail: " for {{email}}",
    issueReset: "Issue a password reset link",
    commissioners: "Commissioner access",
    commissionersIntro:
      "A commissioner compares the partnerships granted to them, and sees aggregates only. A partnership's lead can also share from the partnership's sharing page; open links are listed and revoked there.",
    commissionerRevoked: "{{email}} can no longer compare {{partnership}}.",
    sendLink:
      "Send this link to the commissioner: whoever accepts it first, signed in, can compare {{partnership}}. It works once, for {{days}} days.",
    invitationLink: "Invitation link",
    partnership: "Partnership",
    note: "Who it is for (optional)",
    createInvitation: "Create invitation link",
    commissionerTable: "Table: commissioner access",
    commissioner: "Commissioner",
    grantedBy: "Granted by",
    revoke: "Revoke",
    revokeWhich: " {{email}}'s access to {{partnership}}",
    allReviewed: "Every translation has been reviewed by a fluent speaker.",
    reviewIntro:
      "These message files are awaiting review by a fluent Welsh speaker: the text is shown to users, but has not yet been checked. When a fluent speaker has reviewed a file, set its",
    reviewIntroRest: "flag to true (app/domain/i18n/messages/).",
    reviewCount_one: "{{count}} message",
    reviewCount_other: "{{count}} messages",
  },
};
export default file;

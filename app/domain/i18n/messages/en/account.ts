import type { MessageFile } from "../../index";

/** Accounts: sign in, sign up, password reset, access invitations. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "signIn.title": "Sign in",
    "signIn.created":
      "If no account used this email address, yours has been created: sign in with it. If one already did, sign in with that account's password, or ask your administrator for a reset link.",
    "signIn.email": "Email address",
    "signIn.password": "Password",
    "signIn.busy": "Signing in…",
    "signIn.submit": "Sign in",
    "signIn.noAccount": "No account yet?",
    "signIn.create": "Create an account",
    "signIn.forgotten": "Forgotten your password? Ask your administrator for a reset link.",
    "signUp.title": "Create an account",
    "signUp.intro":
      "For partnership leads, facilitators and commissioners. People answering a questionnaire do not need an account.",
    "signUp.name": "Your name",
    "signUp.password": "Create a password",
    "signUp.passwordHint":
      "At least 12 characters, and not easy to guess. A few unrelated words strung together is easy to remember.",
    "signUp.busy": "Creating account…",
    "signUp.submit": "Create account",
    "signUp.haveAccount": "Already have an account?",
    "signUp.tooMany": "Too many accounts created from this network. Wait {{minutes}} minutes and try again.",
    "reset.title": "Choose a new password",
    "reset.password": "New password",
    "reset.submit": "Save password",
    "invite.title": "You are invited",
    "invite.member": "You are invited to be a {{role}} of {{partnership}}.",
    "invite.organisation":
      "You are invited to see {{organisation}}'s results in {{partnership}} (that organisation's figures only).",
    "invite.yourOrganisation": "your organisation",
    "invite.commissioner":
      "You are invited to see {{partnership}}'s results as a commissioner (aggregates of closed rounds only).",
    "invite.once":
      "The link works once, until {{date}}. Whoever accepts it first gets the access, so do not pass it on.",
    "invite.signedInAs": "You are signed in as {{email}}.",
    "invite.accept": "Accept the invitation",
    "invite.signIn": "Sign in to accept",
    "invite.thenAgain": ", then open this link again.",
    "invite.meta": "Invitation",
    "role.lead": "lead",
    "role.facilitator": "facilitator",
    "role.viewer": "viewer",
  },
};
export default file;

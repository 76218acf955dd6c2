import type { MessageFile } from "../../index";

/** The public pages: home, about the framework, accessibility, privacy. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "home.title": "How well do your children's services work together?",
    "home.lead":
      "A self-assessment for children's services partnerships: social work, health, education, police, housing and the voluntary sector. Practitioners, managers and families answer evidence-based questions; you see where your partnership stands on {{components}} components of integration and a {{stages}}-stage continuum, at every level from national to team.",
    "home.yourPartnerships": "Go to your partnerships",
    "home.createAccount": "Create an account",
    "home.signIn": "Sign in",
    "home.demo": "Try the demo",
    "home.demoOpen": "{{partnership}} has an open round. Answer it as a respondent would:",
    "home.demoProfessional": "Open the demo questionnaire for professionals",
    "home.demoFamily": "Open the demo family-voice questionnaire",
    "home.demoRoles": "Or sign in to see the results as each role does:",
    "home.demoAccount": "The demo {{role}}:",
    "home.withPassword": "with the password",
    "home.signInLink": "sign in",
    "home.role.partnership lead": "partnership lead",
    "home.role.commissioner": "commissioner",
    "home.role.national viewer": "national viewer",
    "home.measures": "What it measures",
    "home.components": "13 components",
    "home.componentsBody":
      "From shared vision and leadership to information sharing, joint working and the participation of families.",
    "home.continuum": "A continuum, not a ladder",
    "home.continuumBody":
      "Where services stand today, from co-existence to integration, and where the partnership wants to be.",
    "home.levels": "Every level",
    "home.levelsBody":
      "National, local authority, organisation and team: how leaders and front-line staff see the same things.",
    "home.about": "Read about the framework and the evidence behind every question",
    "home.meta": "Working Together: a self-assessment for children's services partnerships",
    "privacy.title": "How we use your answers",
    "privacy.answering": "If you answer a questionnaire",
    "privacy.noName": "We do not ask for your name, email address or any other detail that says who you are.",
    "privacy.noIp": "We do not store your IP address or any other identifier of your device with your answers.",
    "privacy.store":
      "We store: the level you work at, the kind of agency you work for (and, if you choose, which member agency), your answers, and when they were saved and submitted.",
    "privacy.cookie":
      "To let you come back to your answers, your browser keeps a private random key in a cookie. We keep only a scrambled form of it, so our database alone cannot reopen your answers.",
    "privacy.groups":
      "No one in the partnership can see any one person's answers. Results are shown only for groups at least as large as the partnership's smallest group size (usually 5).",
    "privacy.comments":
      "Comments you write are seen only by the partnership's leads. Please do not name any child, family or colleague.",
    "privacy.howLong": "How long we keep answers",
    "privacy.retention":
      "A partnership can set a retention period. After it, the individual answers and comments of closed rounds are deleted, and only the combined scores are kept.",
  },
};
export default file;

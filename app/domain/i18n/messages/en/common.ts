import type { MessageFile } from "../../index";

/** The site shell, the error pages and the forms' shared words. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "shell.skip": "Skip to main content",
    "shell.brand": "Working Together",
    "shell.brandTag": "self-assessment",
    "shell.mainNav": "Main",
    "shell.framework": "About the framework",
    "shell.partnerships": "Partnerships",
    "shell.compare": "Compare areas",
    "shell.national": "National view",
    "shell.signOut": "Sign out",
    "shell.signIn": "Sign in",
    "shell.accessibility": "Accessibility statement",
    "shell.privacy": "How we use your answers",
    "language.switcher": "Language",
    "date.range": "{{from}} to {{to}}",
    "form.problem": "There is a problem",
    "form.error": "Error:",
    "form.required": "(required)",
    "error.400": "There is a problem with the request",
    "error.403": "You do not have access to this page",
    "error.404": "Page not found",
    "error.409": "This cannot be done now",
    "error.410": "This link is no longer open",
    "error.413": "Too much was sent",
    "error.429": "Too many attempts",
    "error.other": "Sorry, there is a problem",
    "error.home": "Go to the home page",
    "error.service": "Sorry, there is a problem with the service",
    "error.serviceBody": "Try again later. Your saved answers are safe.",
  },
};
export default file;

import type { MessageFile } from "../../index";

/** The facilitator's pages: setting up a workshop, the console, the projector screen, the summary. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "new.title": "Run a workshop",
    "new.intro": "Participants join on their phones with a short code, rate each component from 0 to 5, and you show the spread of views before the group agrees a score and actions.",
    "new.privacy": "To keep everyone's rating private, the room's ratings of a component are shown only when at least {{threshold}} people rate it, and a group (a level or a kind of agency) only when it and the rest of the room each have {{threshold}} or more people.",
    "new.smallTitle": "Fewer people than the threshold",
    "new.small_one": "With {{count}} person, fewer than {{threshold}}, no spread of ratings will be shown: only how many have voted. You can still run the session to agree consensus scores and actions together.",
    "new.small_other": "With {{count}} people, fewer than {{threshold}}, no spread of ratings will be shown: only how many have voted. You can still run the session to agree consensus scores and actions together.",
    "new.name": "Name of the workshop",
    "new.nameHint": "For example, Partnership board away day, March 2027",
    "new.which": "Which components will you cover, and in what order?",
    "new.whichHint": "Tick the components to rate. Change the numbers to set the order (1 comes first); those you leave blank come last.",
    "new.order": "Order",
    "new.orderOf": " of {{component}}",
    "new.expected": "About how many people will take part? (optional)",
    "new.expectedHint": "Ratings are shown only when at least {{threshold}} people rate.",
    "new.busy": "Creating…",
    "new.anyway": "Create it anyway",
    "new.create": "Create the session",
    "new.back": "Back to the round",
  },
};
export default file;

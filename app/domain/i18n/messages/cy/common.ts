import type { MessageFile } from "../../index";

/** Y gragen, y tudalennau gwall a geiriau cyffredin y ffurflenni. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "shell.skip": "Neidio i'r prif gynnwys",
    "shell.brand": "Cydweithio",
    "shell.brandTag": "hunanasesiad",
    "shell.mainNav": "Prif ddewislen",
    "shell.framework": "Am y fframwaith",
    "shell.partnerships": "Partneriaethau",
    "shell.compare": "Cymharu ardaloedd",
    "shell.national": "Golwg genedlaethol",
    "shell.signOut": "Allgofnodi",
    "shell.signIn": "Mewngofnodi",
    "shell.accessibility": "Datganiad hygyrchedd",
    "shell.privacy": "Sut rydym yn defnyddio eich atebion",
    "language.switcher": "Iaith",
    "date.range": "{{from}} i {{to}}",
    "form.problem": "Mae problem",
    "form.error": "Gwall:",
    "form.required": "(gorfodol)",
    "error.400": "Mae problem gyda'r cais",
    "error.403": "Nid oes gennych fynediad i'r dudalen hon",
    "error.404": "Heb ddod o hyd i'r dudalen",
    "error.409": "Nid oes modd gwneud hyn nawr",
    "error.410": "Nid yw'r ddolen hon ar agor mwyach",
    "error.413": "Anfonwyd gormod",
    "error.429": "Gormod o ymdrechion",
    "error.other": "Mae'n ddrwg gennym, mae problem",
    "error.home": "Mynd i'r hafan",
    "error.service": "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
    "error.serviceBody": "Rhowch gynnig arall arni yn nes ymlaen. Mae eich atebion sydd wedi'u cadw yn ddiogel.",
  },
};
export default file;

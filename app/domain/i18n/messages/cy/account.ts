import type { MessageFile } from "../../index";

/** Cyfrifon: mewngofnodi, cofrestru, ailosod cyfrinair, gwahoddiadau mynediad. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "signIn.title": "Mewngofnodi",
    "signIn.created":
      "Os nad oedd cyfrif yn defnyddio'r cyfeiriad e-bost hwn, mae eich un chi wedi'i greu: mewngofnodwch ag ef. Os oedd un eisoes, mewngofnodwch â chyfrinair y cyfrif hwnnw, neu gofynnwch i'ch gweinyddwr am ddolen ailosod.",
    "signIn.email": "Cyfeiriad e-bost",
    "signIn.password": "Cyfrinair",
    "signIn.busy": "Yn mewngofnodi…",
    "signIn.submit": "Mewngofnodi",
    "signIn.noAccount": "Dim cyfrif eto?",
    "signIn.create": "Creu cyfrif",
    "signIn.forgotten": "Wedi anghofio eich cyfrinair? Gofynnwch i'ch gweinyddwr am ddolen ailosod.",
    "signUp.title": "Creu cyfrif",
    "signUp.intro":
      "Ar gyfer arweinwyr partneriaethau, hwyluswyr a chomisiynwyr. Nid oes angen cyfrif ar bobl sy'n ateb holiadur.",
    "signUp.name": "Eich enw",
    "signUp.password": "Creu cyfrinair",
    "signUp.passwordHint":
      "O leiaf 12 nod, ac nid yn hawdd ei ddyfalu. Mae'n hawdd cofio ychydig o eiriau nad ydynt yn perthyn wedi'u rhoi at ei gilydd.",
    "signUp.busy": "Yn creu'r cyfrif…",
    "signUp.submit": "Creu cyfrif",
    "signUp.haveAccount": "Oes gennych gyfrif yn barod?",
    "signUp.tooMany":
      "Mae gormod o gyfrifon wedi'u creu o'r rhwydwaith hwn. Arhoswch {{minutes}} munud a rhowch gynnig arall arni.",
    "reset.title": "Dewis cyfrinair newydd",
    "reset.password": "Cyfrinair newydd",
    "reset.submit": "Cadw'r cyfrinair",
    "invite.title": "Rydych wedi cael gwahoddiad",
    "invite.member": "Rydych wedi cael gwahoddiad i fod yn {{role}} yn {{partnership}}.",
    "invite.organisation":
      "Rydych wedi cael gwahoddiad i weld canlyniadau {{organisation}} yn {{partnership}} (ffigurau'r sefydliad hwnnw yn unig).",
    "invite.yourOrganisation": "eich sefydliad",
    "invite.commissioner":
      "Rydych wedi cael gwahoddiad i weld canlyniadau {{partnership}} fel comisiynydd (cyfansymiau cylchoedd sydd wedi cau yn unig).",
    "invite.once":
      "Mae'r ddolen yn gweithio unwaith, tan {{date}}. Pwy bynnag sy'n ei derbyn gyntaf sy'n cael y mynediad, felly peidiwch â'i throsglwyddo.",
    "invite.signedInAs": "Rydych wedi mewngofnodi fel {{email}}.",
    "invite.accept": "Derbyn y gwahoddiad",
    "invite.signIn": "Mewngofnodi i dderbyn",
    "invite.thenAgain": ", yna agorwch y ddolen hon eto.",
    "invite.meta": "Gwahoddiad",
    "role.lead": "arweinydd",
    "role.facilitator": "hwylusydd",
    "role.viewer": "gwyliwr",
  },
};
export default file;

import type { MessageFile } from "../../index";

/** Gweinyddu, y golwg genedlaethol a chymharu ardaloedd. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    title: "Gweinyddu",
    resetGiven: "Rhowch y ddolen untro hon i {{email}}. Mae'n gweithio unwaith, am 24 awr.",
    resetLink: "Dolen ailosod",
    translations: "Cyfieithiadau",
    accounts: "Cyfrifon",
    nationalIntro: "Mae gwyliwr cenedlaethol yn gweld y",
    nationalLink: "olwg genedlaethol",
    nationalIntroRest:
      ": ffigurau cyfun yr ardaloedd y mae eu harweinwyr yn eu rhannu'n genedlaethol, byth o lai na 5 ardal. Gwiriwch gyda'r unigolyn mai ei gyfrif ef yw'r cyfrif cyn i chi ei wneud yn un.",
    nationalOn: "Mae {{email}} yn wyliwr cenedlaethol.",
    nationalOff: "Nid yw {{email}} yn wyliwr cenedlaethol mwyach.",
    scroll: "Tabl: sgroliwch i'r ochr i weld pob colofn",
    name: "Enw",
    email: "E-bost",
    role: "Rôl",
    actions: "Camau",
    administrator: "Gweinyddwr",
    nationalViewer: "Gwyliwr cenedlaethol",
    user: "Defnyddiwr",
    stopNational: "Rhoi'r gorau i'r gwylio cenedlaethol",
    makeNational: "Gwneud yn wyliwr cenedlaethol",
    forEmail: " ar gyfer {{email}}",
    issueReset: "Rhoi dolen ailosod cyfrinair",
    commissioners: "Mynediad comisiynwyr",
    commissionersIntro:
      "Mae comisiynydd yn cymharu'r partneriaethau a roddwyd iddo, ac yn gweld cyfansymiau yn unig. Gall arweinydd partneriaeth hefyd rannu o dudalen rannu'r bartneriaeth; rhestrir dolenni agored yno a chânt eu dirymu yno.",
    commissionerRevoked: "Ni all {{email}} gymharu {{partnership}} mwyach.",
    sendLink:
      "Anfonwch y ddolen hon at y comisiynydd: gall pwy bynnag sy'n ei derbyn gyntaf, wedi mewngofnodi, gymharu {{partnership}}. Mae'n gweithio unwaith, am {{days}} diwrnod.",
    invitationLink: "Dolen wahoddiad",
    partnership: "Partneriaeth",
    note: "Ar gyfer pwy y mae (dewisol)",
    createInvitation: "Creu dolen wahoddiad",
    commissionerTable: "Tabl: mynediad comisiynwyr",
    commissioner: "Comisiynydd",
    grantedBy: "Rhoddwyd gan",
    revoke: "Dirymu",
    revokeWhich: " mynediad {{email}} i {{partnership}}",
    allReviewed: "Mae siaradwr rhugl wedi adolygu pob cyfieithiad.",
    reviewIntro:
      "Mae'r ffeiliau negeseuon hyn yn aros i siaradwr Cymraeg rhugl eu hadolygu: mae'r testun yn cael ei ddangos i ddefnyddwyr, ond nid yw wedi'i wirio eto. Pan fydd siaradwr rhugl wedi adolygu ffeil, gosodwch ei baner",
    reviewIntroRest: "i true (app/domain/i18n/messages/).",
    reviewCount_zero: "{{count}} neges",
    reviewCount_one: "{{count}} neges",
    reviewCount_two: "{{count}} neges",
    reviewCount_few: "{{count}} neges",
    reviewCount_many: "{{count}} neges",
    reviewCount_other: "{{count}} o negeseuon",
  },
};
export default file;

import type { MessageFile } from "../../index";

/** Y tudalennau cyhoeddus. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "home.title": "Pa mor dda y mae eich gwasanaethau plant yn cydweithio?",
    "home.lead":
      "Hunanasesiad ar gyfer partneriaethau gwasanaethau plant: gwaith cymdeithasol, iechyd, addysg, yr heddlu, tai a'r sector gwirfoddol. Mae ymarferwyr, rheolwyr a theuluoedd yn ateb cwestiynau sy'n seiliedig ar dystiolaeth; rydych yn gweld ble mae eich partneriaeth yn sefyll ar {{components}} elfen integreiddio a chontinwwm {{stages}} cam, ar bob lefel o'r lefel genedlaethol i'r tîm.",
    "home.yourPartnerships": "Mynd i'ch partneriaethau",
    "home.createAccount": "Creu cyfrif",
    "home.signIn": "Mewngofnodi",
    "home.demo": "Rhowch gynnig ar y demo",
    "home.demoOpen": "Mae gan {{partnership}} gylch agored. Atebwch ef fel y byddai ymatebwr:",
    "home.demoProfessional": "Agor yr holiadur demo ar gyfer gweithwyr proffesiynol",
    "home.demoFamily": "Agor yr holiadur demo llais teuluoedd",
    "home.demoRoles": "Neu mewngofnodwch i weld y canlyniadau fel y mae pob rôl yn eu gweld:",
    "home.demoAccount": "Y {{role}} demo:",
    "home.withPassword": "gyda'r cyfrinair",
    "home.signInLink": "mewngofnodi",
    "home.role.partnership lead": "arweinydd partneriaeth",
    "home.role.commissioner": "comisiynydd",
    "home.role.national viewer": "gwyliwr cenedlaethol",
    "home.measures": "Beth mae'n ei fesur",
    "home.components": "13 elfen",
    "home.componentsBody":
      "O weledigaeth gyffredin ac arweinyddiaeth i rannu gwybodaeth, cydweithio a chyfranogiad teuluoedd.",
    "home.continuum": "Continwwm, nid ysgol",
    "home.continuumBody":
      "Ble mae gwasanaethau'n sefyll heddiw, o gydfodolaeth i integreiddio, a ble mae'r bartneriaeth am fod.",
    "home.levels": "Pob lefel",
    "home.levelsBody":
      "Cenedlaethol, awdurdod lleol, sefydliad a thîm: sut mae arweinwyr a staff rheng flaen yn gweld yr un pethau.",
    "home.about": "Darllenwch am y fframwaith a'r dystiolaeth y tu ôl i bob cwestiwn",
    "home.meta": "Cydweithio: hunanasesiad ar gyfer partneriaethau gwasanaethau plant",
    "privacy.title": "Sut rydym yn defnyddio eich atebion",
    "privacy.answering": "Os ydych yn ateb holiadur",
    "privacy.noName":
      "Nid ydym yn gofyn am eich enw, eich cyfeiriad e-bost nac unrhyw fanylyn arall sy'n dweud pwy ydych chi.",
    "privacy.noIp": "Nid ydym yn cadw eich cyfeiriad IP nac unrhyw ddynodwr arall o'ch dyfais gyda'ch atebion.",
    "privacy.store":
      "Rydym yn cadw: y lefel rydych yn gweithio arni, y math o asiantaeth rydych yn gweithio iddi (ac, os dewiswch, pa asiantaeth sy'n aelod), eich atebion, a phryd y cawsant eu cadw a'u cyflwyno.",
    "privacy.cookie":
      "Er mwyn i chi allu dod yn ôl at eich atebion, mae eich porwr yn cadw allwedd hap breifat mewn cwci. Dim ond ffurf wedi'i chymysgu ohoni a gadwn, felly ni all ein cronfa ddata ar ei phen ei hun ailagor eich atebion.",
    "privacy.groups":
      "Ni all neb yn y bartneriaeth weld atebion unrhyw un person. Dim ond ar gyfer grwpiau sydd o leiaf mor fawr â maint grŵp lleiaf y bartneriaeth (5 fel arfer) y dangosir canlyniadau.",
    "privacy.comments":
      "Dim ond arweinwyr y bartneriaeth sy'n gweld y sylwadau a ysgrifennwch. Peidiwch ag enwi unrhyw blentyn, teulu na chydweithiwr.",
    "privacy.howLong": "Am faint rydym yn cadw atebion",
    "privacy.retention":
      "Gall partneriaeth osod cyfnod cadw. Ar ei ôl, caiff atebion a sylwadau unigol cylchoedd sydd wedi cau eu dileu, a dim ond y sgoriau cyfun a gedwir.",
  },
};
export default file;

import { AGENCY_TYPES, BANDS, COMPONENTS, CONTINUUM_CAVEAT, LEVELS, STAGES } from "./framework";
import { LANGUAGES, type Lang } from "./language";
import type { LocalisableText } from "./localised-text";

/**
 * The framework's terms in each language: components, stages, levels, agency types and bands,
 * and the descriptions shown to respondents (the levels' and stages' one-liners, the
 * components' descriptions, the continuum caveat). One place, so the questionnaires, the
 * report and the exports use the same Welsh word for the same thing. English comes from
 * `framework.ts`; docs/glossary-cy.md lists the same table with the choices behind it.
 */
export type TermKind =
  | "component"
  | "component_description"
  | "stage"
  | "stage_description"
  | "level"
  | "level_description"
  | "agency_type"
  | "band"
  | "caveat";

type Terms = Record<TermKind, Record<string, string>>;

/**
 * The Welsh was written by the development team, not yet by a fluent speaker: it awaits review
 * (Welsh Language Standards expect a checked translation). Shown to administrators.
 */
export const reviewed = false;

const english: Terms = {
  component: Object.fromEntries(COMPONENTS.map((c) => [c.key, c.name])),
  component_description: Object.fromEntries(COMPONENTS.map((c) => [c.key, c.description])),
  stage: Object.fromEntries(STAGES.map((s) => [s.key, s.name])),
  stage_description: Object.fromEntries(STAGES.map((s) => [s.key, s.description])),
  level: Object.fromEntries(LEVELS.map((l) => [l.key, l.name])),
  level_description: Object.fromEntries(LEVELS.map((l) => [l.key, l.description])),
  agency_type: Object.fromEntries(AGENCY_TYPES.map((a) => [a.key, a.name])),
  band: Object.fromEntries(BANDS.map((b) => [b.key, b.name])),
  caveat: { continuum: CONTINUUM_CAVEAT },
};

/** Welsh terms, keyed as in `framework.ts`. */
const welsh: Terms = {
  component: {
    vision: "Gweledigaeth, gwerthoedd a nodau cyffredin",
    leadership: "Arweinyddiaeth ymroddedig ar bob lefel",
    governance: "Llywodraethu, atebolrwydd a chysoni polisi",
    resources: "Cyllid, adnoddau a chomisiynu",
    information: "Rhannu gwybodaeth a systemau data",
    evaluation: "Gwerthuso, monitro a dysgu",
    roles: "Rolau, cyfrifoldebau a chyd-ddealltwriaeth",
    relationships: "Cyfathrebu, perthnasoedd ac ymddiriedaeth",
    joint_working: "Trefniadau cydweithio",
    workforce: "Capasiti a datblygiad y gweithlu",
    culture: "Diwylliant ac ymarfer cyffredin",
    holistic: "Cymorth cyfannol sy'n canolbwyntio ar y plentyn a'r teulu",
    participation: "Cyfranogiad plant, teuluoedd a chymunedau",
  },
  component_description: {
    vision:
      "Nodau a diben cyffredin, gwerthoedd a rennir, nodau a chanlyniadau clir, a hunaniaeth gyffredin ar draws y bartneriaeth.",
    leadership:
      "Cefnogaeth uwch reolwyr, arweinyddiaeth systemau sy'n dal ati, hyrwyddwyr, ac \"amgylchedd awdurdodi\" sy'n caniatáu i staff weithio ar draws ffiniau.",
    governance:
      "Grwpiau llywodraethu a gwneud penderfyniadau ar y cyd, llinellau atebolrwydd clir, protocolau a chytundebau ffurfiol, cysondeb â deddfwriaeth a pholisi cenedlaethol, ac asiantaeth arweiniol.",
    resources:
      "Cyllidebau cyfun neu ar y cyd, cyllid hirdymor a hyblyg, comisiynu ar y cyd ar sail canlyniadau, digon o staff ac amser, a dim cystadlu am arian.",
    information:
      "Cytundebau rhannu gwybodaeth, systemau TG a chofnodion sy'n gydnaws, caniatâd a chyfrinachedd wedi'u trin yn dda, a phobl yn gwybod beth y gellir ei rannu.",
    evaluation:
      "Mesurau canlyniadau cyffredin wedi'u pennu o'r cychwyn, data am brosesau a chanlyniadau, cyfnod profi, cylchoedd dysgu a gwella parhaus.",
    roles:
      "Rolau a chylchoedd gwaith clir, dealltwriaeth o ddyletswyddau, pwysau a sgiliau asiantaethau eraill, gwerthfawrogi ei gilydd, partneriaid cyfartal a rhannu grym, a dim hierarchaethau niweidiol.",
    relationships:
      "Cyfarfodydd rhyngasiantaethol rheolaidd, cyswllt wyneb yn wyneb, llinellau cyfathrebu clir, ymddiriedaeth, amser i feithrin perthnasoedd, a gwrthdaro'n cael ei reoli'n agored.",
    joint_working:
      "Cydleoli gydag amser i gyfarfod, timau amlasiantaethol, person cyswllt neu weithiwr allweddol penodol, rolau cydgysylltydd, un llwybr atgyfeirio, ac asesu a chynllunio gofal ar y cyd.",
    workforce:
      "Hyfforddiant ar y cyd, amser a llwyth gwaith ar gyfer cydweithio, trosiant a pharhad staff, llesiant, ac iaith a gwybodaeth gyffredin.",
    culture:
      'Tir cyffredin ar draws diwylliannau proffesiynol, dull cyffredin o ymdrin â risg, myfyrio, parodrwydd i "beidio â gwybod", y gallu i addasu, a hyder y bydd y newid yn para.',
    holistic:
      "Dulliau teulu cyfan, un berthynas y gellir ymddiried ynddi, adrodd eich stori unwaith, pontio esmwyth i wasanaethau oedolion, a hawliau plant a theuluoedd.",
    participation:
      "Cymryd rhan wrth gynllunio gwasanaethau ac mewn penderfyniadau am eu cymorth eu hunain, partneriaid cymunedol a gwirfoddol yn gyfartal, a chymhwysedd diwylliannol.",
  },
  stage: {
    coexistence: "Cydfodolaeth",
    communication: "Cyfathrebu",
    cooperation: "Cydweithredu",
    coordination: "Cydgysylltu",
    coalition: "Cynghrair",
    integration: "Integreiddio",
  },
  stage_description: {
    coexistence: "Mae asiantaethau'n gweithio ar wahân; dim ond pan fo rhaid y maent mewn cysylltiad.",
    communication: "Mae pobl o wahanol asiantaethau'n siarad â'i gilydd ac yn rhannu gwybodaeth yn anffurfiol.",
    cooperation: "Cydweithio ar raddfa fach, fesul achos.",
    coordination:
      "Cydweithio ffurfiol (protocolau cytûn, llwybrau atgyfeirio, cyfarfodydd ar y cyd), ond dim sancsiynau pan na fydd yn digwydd.",
    coalition:
      "Strwythurau ar y cyd lle mae asiantaethau'n ildio rhywfaint o'u hannibyniaeth: bwrdd ar y cyd, cyllideb gyfun, tîm amlasiantaethol wedi'i gydleoli, rheolaeth a rennir.",
    integration: "Mae sefydliadau'n uno i greu hunaniaeth newydd ar y cyd: un rheolaeth, un gyllideb, un gwasanaeth.",
  },
  level: {
    national: "Cenedlaethol",
    local_authority: "Awdurdod lleol",
    organisation: "Sefydliad",
    team: "Tîm",
  },
  level_description: {
    national: "Y llywodraeth, polisi cenedlaethol, deddfwriaeth a chyrff cenedlaethol.",
    local_authority: "Yr ardal leol: y cyngor, y bartneriaeth strategol a'i chomisiynu ar y cyd.",
    organisation: "Un asiantaeth neu wasanaeth: ei reolaeth, ei systemau a'i bolisïau.",
    team: "Ymarfer rheng flaen: ymarferwyr a'u rheolwyr yn gweithio gyda phlant a theuluoedd.",
  },
  agency_type: {
    social_work: "Gwaith cymdeithasol",
    health: "Iechyd",
    education: "Addysg",
    police: "Heddlu",
    housing: "Tai",
    voluntary: "Y sector gwirfoddol",
    other: "Arall",
  },
  band: {
    strength: "Cryfder",
    borderline: "Ffiniol",
    concern: "Pryder",
  },
  caveat: {
    continuum:
      "Nid yw symud ymhellach ymlaen bob amser yn well. Dylai pob ardal ddewis y cam sy'n gweddu i'w chyd-destun gwleidyddol, ei blaenoriaethau cyllidebol a chryfder ei gwasanaethau gwirfoddol a chymunedol.",
  },
};

export const GLOSSARY: Record<Lang, Terms> = { en: english, cy: welsh };

/**
 * A framework term's name in a language (English when the Welsh is missing).
 *
 * @example
 * frameworkTerm("stage", "coalition", "cy"); // "Cynghrair"
 */
export function frameworkTerm(kind: TermKind, key: string, lang: Lang): string {
  const name = GLOSSARY[lang][kind][key] ?? english[kind][key];
  if (name === undefined) throw new Error(`Unknown ${kind} key: ${key}`);
  return name;
}

/**
 * A framework term in every language, as a SurveyJS localisable string, for the questions the
 * code builds (stage choices, levels, agency types).
 *
 * @example
 * termText("level", "team"); // { default: "Team", cy: "Tîm" }
 */
export function termText(kind: TermKind, key: string): LocalisableText {
  return {
    default: frameworkTerm(kind, key, "en"),
    ...Object.fromEntries(LANGUAGES.filter((l) => l !== "en").map((l) => [l, frameworkTerm(kind, key, l)])),
  };
}

/**
 * Words that may stay in English on a Welsh page: proper names, acronyms of bodies and the
 * product's name. The browser check of the Welsh pages ignores these (and the names a
 * partnership gives its agencies, which are its own).
 */
export const ALLOWED_ENGLISH: readonly string[] = [
  "Leutz",
  "Minkman",
  "Horwath",
  "Morrison",
  "Wilder",
  "CELCIS",
  "SCIE",
  "LGA",
  "NHS",
  "SurveyJS",
  "CSV",
  "JSON",
  "PDF",
  "SVG",
  "ID",
  "OK",
];

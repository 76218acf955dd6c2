import type { MessageFile } from "../../index";

/** Yr hyn y mae cyfranogwr gweithdy yn ei weld ar ei ffôn. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "code.title": "Ymuno â gweithdy",
    "code.label": "Cod y gweithdy",
    "code.hint": "Y 6 nod a ddangosir ar y sgrin, fel K7QXN3",
    "code.continue": "Parhau",
    "code.noAccount": "Nid oes angen cyfrif arnoch, ac nid ydym yn gofyn am eich enw.",
    "code.missing": "Rhowch y cod a ddangosir ar y sgrin",
    "code.invalid": "Rhowch y cod {{length}} nod a ddangosir ar y sgrin, fel K7QXN3",
    "code.tooMany": "Gormod o godau anghywir o'r ddyfais hon. Arhoswch 15 munud a rhowch gynnig arall arni.",
    "code.unknown": "Nid oes gan unrhyw weithdy y cod hwnnw. Gwiriwch y cod ar y sgrin a rhowch gynnig arall arni.",
    "join.title": "Ymuno â'r gweithdy",
    "join.anonymous":
      "Nid ydym yn gofyn am eich enw. Dim ond faint o bobl sydd wedi ymuno y mae'r hwylusydd yn ei weld, a'r sgoriau fel grŵp yn unig.",
    "join.level": "Ar ba lefel ydych chi'n gweithio'n bennaf?",
    "join.agencyType": "Pa fath o asiantaeth ydych chi'n gweithio iddi?",
    "join.levelError": "Dewiswch y lefel rydych chi'n gweithio arni'n bennaf",
    "join.agencyTypeError": "Dewiswch y math o asiantaeth rydych chi'n gweithio iddi",
    "join.tooMany":
      "Mae gormod o bobl wedi ymuno o'r rhwydwaith hwn yn ddiweddar. Arhoswch {{seconds}} eiliad a rhowch gynnig arall arni.",
    "join.metaTitle": "Gweithdy",
    "join.metaTitleNamed": "{{name}} – gweithdy",
    "vote.ratingError": "Dewiswch sgôr o 0 i 5",
    "vote.unknownComponent": "Nid yw'r elfen honno'n rhan o'r fframwaith",
    "vote.notInWorkshop": "Nid yw'r elfen honno'n rhan o'r gweithdy hwn.",
    "vote.notJoined": "Ymunwch â'r gweithdy cyn rhoi sgôr: nid yw eich ffôn wedi ymuno â'r sesiwn hon eto.",
    "vote.tooMany": "Anfonwyd gormod o sgoriau yn ddiweddar. Arhoswch funud a rhowch gynnig arall arni.",
    "vote.closed":
      "Mae'r pleidleisio ar {{component}} wedi cau, felly ni anfonwyd eich sgôr. Arhoswch i'r hwylusydd ei agor.",
    "vote.movedOn": "Mae'r gweithdy wedi symud ymlaen o {{component}}, felly ni anfonwyd eich sgôr.",
    "vote.unknownAction": "Nid yw'r weithred honno'n cael ei hadnabod.",
    "ended.message":
      "Mae'r gweithdy hwn wedi dod i ben, felly nid yw ei god yn gweithio mwyach. Diolch am gymryd rhan.",
    "ended.title": "Mae'r gweithdy wedi dod i ben",
    "ended.body": "Diolch am gymryd rhan. Bydd yr hwylusydd yn rhannu crynodeb o'r hyn y cytunodd y grŵp arno.",
    "waiting.title": "Yn aros am yr hwylusydd",
    "live.position": "{{name}} · elfen {{n}} o {{total}}",
    "live.myRating": "Eich sgôr:",
    "live.canChange": "Gallwch ei newid tra bo'r pleidleisio ar agor.",
    "live.closed": "Mae'r pleidleisio wedi cau. Arhoswch i'r hwylusydd agor y pleidleisio ar yr elfen hon.",
    "live.closedForNow":
      "Mae'r pleidleisio wedi cau am y tro. Arhoswch i'r hwylusydd agor y pleidleisio ar yr elfen hon.",
    "live.revealed": "Mae'r hwylusydd yn dangos sgoriau'r grŵp ar y sgrin.",
    "live.question": "I ba raddau y mae hyn ar waith yn eich partneriaeth?",
    "live.send": "Anfon fy sgôr",
    "live.sending": "Wrthi'n anfon…",
    "connection.live": "Byw: mae diweddariadau'n ymddangos wrth iddynt ddigwydd.",
    "connection.connecting": "Wrthi'n cysylltu ar gyfer diweddariadau byw…",
    "connection.lost": "Collwyd y cysylltiad. Wrthi'n ailgysylltu…",
    "rating.0.label": "Dim ar waith",
    "rating.0.description": "Dim o gwbl: mae asiantaethau'n gweithio ar wahân ar hyn.",
    "rating.1.label": "Arwyddion cynnar",
    "rating.1.description": "Wedi'i drafod, neu wedi'i roi ar brawf mewn mannau; dim wedi'i gytuno.",
    "rating.2.label": "Yn rhannol ar waith",
    "rating.2.description": "Yn digwydd fesul achos, gan ddibynnu ar unigolion.",
    "rating.3.label": "Ar waith gan mwyaf",
    "rating.3.description": "Wedi'i gytuno a'i ffurfioli, ond gyda bylchau.",
    "rating.4.label": "Wedi hen ennill ei blwyf",
    "rating.4.description": "Yn rhan o'r ffordd y mae asiantaethau'n cydweithio, gydag ychydig o fylchau.",
    "rating.5.label": "Yn llawn ar waith",
    "rating.5.description": "Yn llawn ar waith, yn gynaliadwy ac yn cael ei adolygu ar y cyd.",
    "component.vision":
      "Nodau a diben cyffredin, gwerthoedd a rennir, eglurder nodau a chanlyniadau, a hunaniaeth gyffredin ar draws y bartneriaeth.",
    "component.leadership":
      "Cefnogaeth uwch reolwyr, arweinyddiaeth systemau sy'n dal ati, hyrwyddwyr, ac \"amgylchedd awdurdodi\" sy'n gadael i staff weithio ar draws ffiniau.",
    "component.governance":
      "Grwpiau llywodraethu a gwneud penderfyniadau ar y cyd, llinellau atebolrwydd clir, protocolau a chytundebau ffurfiol, cysondeb â deddfwriaeth a pholisi cenedlaethol, ac asiantaeth arweiniol.",
    "component.resources":
      "Cyllidebau cyfun neu ar y cyd, cyllid hirdymor a hyblyg, comisiynu ar y cyd ar sail canlyniadau, digon o staff ac amser, a dim cystadlu am arian.",
    "component.information":
      "Cytundebau rhannu gwybodaeth, systemau TG a chofnodion cydnaws, cydsyniad a chyfrinachedd wedi'u trin yn dda, a phobl yn gwybod beth y gellir ei rannu.",
    "component.evaluation":
      "Mesurau canlyniadau cyffredin wedi'u pennu o'r dechrau, data proses a chanlyniadau, cyfnod profi, cylchoedd dysgu a gwelliant parhaus.",
    "component.roles":
      "Rolau a chylchoedd gwaith clir, dealltwriaeth o ddyletswyddau, pwysau a sgiliau asiantaethau eraill, gwerthfawrogi ei gilydd, partneriaid cyfartal a rhannu grym, a dim hierarchaethau niweidiol.",
    "component.relationships":
      "Cyfarfodydd rhyngasiantaethol rheolaidd, cyswllt wyneb yn wyneb, llinellau cyfathrebu clir, ymddiriedaeth, amser i feithrin perthnasoedd, a gwrthdaro'n cael ei reoli'n agored.",
    "component.joint_working":
      "Cydleoli gydag amser i gyfarfod, timau amlasiantaeth, person cyswllt neu weithiwr allweddol a enwir, rolau cydlynydd, un llwybr atgyfeirio, ac asesu a chynllunio gofal ar y cyd.",
    "component.workforce":
      "Hyfforddiant ar y cyd, amser a llwyth gwaith ar gyfer cydweithio, trosiant a dilyniant staff, llesiant, ac iaith a gwybodaeth gyffredin.",
    "component.culture":
      'Tir cyffredin ar draws diwylliannau proffesiynol, dull cyffredin o ymdrin â risg, myfyrio, bod yn agored i "beidio â gwybod", hyblygrwydd, a hyder y bydd y newid yn para.',
    "component.holistic":
      "Dulliau teulu cyfan, un berthynas y gellir ymddiried ynddi, adrodd eich stori unwaith, pontio llyfn i wasanaethau oedolion, a hawliau plant a theuluoedd.",
    "component.participation":
      "Cyfranogiad wrth gynllunio gwasanaethau ac mewn penderfyniadau am eu cymorth eu hunain, partneriaid cymunedol a'r sector gwirfoddol fel partneriaid cyfartal, a chymhwysedd diwylliannol.",
  },
};
export default file;

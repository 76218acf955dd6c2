import type { MessageFile } from "../../index";

/** The exports' words in Welsh (awaiting review by a fluent speaker). */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "hidden.c":
      "Wedi'i guddio: llai o bobl na throthwy'r cylch, neu ffigur a fyddai'n gadael i grŵp felly gael ei gyfrifo",
    "hidden.x": "Dim data: ni atebodd neb yn y grŵp hwn, neu nid yw'r ffigur yn berthnasol",
    "polarity.facilitator":
      "Hwylusydd: datganiad am rywbeth sy'n helpu; wedi'i ateb ar raddfa cytuno {{max}} pwynt, mae uwch yn well",
    "polarity.barrier":
      "Rhwystr: datganiad am rywbeth sy'n rhwystro; wedi'i ateb ar raddfa {{max}} pwynt o faint o rwystr ydyw, mae uwch yn waeth",
    "answers.round": "Enw'r cylch.",
    "answers.response_id":
      "Dynodydd ar hap a dynnwyd ar gyfer y lawrlwythiad hwn yn unig: mae rhesi un ymatebydd yn ei rannu. Nid yw'n cysylltu â'r gronfa ddata, ac ni ellir cysylltu dau lawrlwythiad drwyddo.",
    "answers.respondent_level":
      "Y lefel y mae'r ymatebydd yn gweithio arni'n bennaf. Gwag ar gyfer holiadur y teulu (heb ei ofyn). 'c' lle mae llai na throthwy'r cylch yn ei rhannu.",
    "answers.agency_type":
      "Y math o asiantaeth y mae'r ymatebydd yn gweithio iddi. Gwag ar gyfer holiadur y teulu (heb ei ofyn). 'c' lle mae llai na throthwy'r cylch yn ei rhannu, ar ei ben ei hun neu ynghyd â'r lefel.",
    "answers.item_key": "Y cwestiwn a atebwyd (ei allwedd; mae testun y cwestiwn yn y golofn nesaf).",
    "answers.question": "Y cwestiwn fel y gwelodd yr ymatebydd ef.",
    "answers.component":
      "Yr elfen integreiddio y mae'r cwestiwn yn ei mesur. Gwag ar gyfer marcwyr y continwwm a chwestiynau'r camau.",
    "answers.level":
      "Y lefel y mae'r cwestiwn yn ymwneud â hi (nid lefel yr ymatebydd). Gwag ar gyfer marcwyr y continwwm a chwestiynau'r camau.",
    "answers.polarity":
      "A yw cytuno â'r datganiad yn dda neu'n ddrwg. Gwag ar gyfer marcwyr y continwwm a chwestiynau'r camau.",
    "answers.value":
      "Yr ateb fel y'i storiwyd: mae ei ystyr yn dibynnu ar y cwestiwn (item_key), a restrir isod fesul cwestiwn. Nid yw 'dont_know' yn safle ar y raddfa: gadewch ef allan o gyfartaleddau.",
    "answers.answer_label": "Yr ateb fel y gwelodd yr ymatebydd ef.",
    "scores.round": "Enw'r cylch.",
    "scores.section": "O ba holiadur y daw'r ffigur.",
    "scores.section.professional": "Holiadur y gweithwyr proffesiynol (ffurflen lawn)",
    "scores.section.short": "Ffurflen fer y gweithwyr proffesiynol (un datganiad ar gyfer pob elfen)",
    "scores.section.family": "Holiadur llais teuluoedd",
    "scores.component": "Yr elfen integreiddio (ei hallwedd; mae'r enw yn y golofn nesaf).",
    "scores.component_name": "Enw'r elfen.",
    "scores.breakdown": "Sut mae'r ymatebwyr neu'r datganiadau wedi'u grwpio ar gyfer y rhes hon.",
    "scores.breakdown.overall": "Pawb, pob datganiad yn yr elfen",
    "scores.breakdown.polarity": "Datganiadau hwyluso yn unig, neu ddatganiadau rhwystr yn unig",
    "scores.breakdown.item_level": "Datganiadau am un lefel (cenedlaethol, awdurdod lleol, sefydliad, tîm)",
    "scores.breakdown.respondent_level": "Ymatebwyr sy'n gweithio ar un lefel",
    "scores.breakdown.agency_type": "Ymatebwyr o un math o asiantaeth",
    "scores.breakdown.family_group": "Plant a phobl ifanc, neu rieni a gofalwyr",
    "scores.group": "Y grŵp o fewn y dadansoddiad (mae'r enw yn y golofn nesaf).",
    "group.all": "Pawb",
    "group.facilitators": "Datganiadau hwyluso",
    "group.barriers": "Datganiadau rhwystr",
    "group.itemLevel": "Datganiadau am: {{level}}",
    "group.respondentLevel": "Ymatebwyr ar lefel: {{level}}",
    "scores.group_label": "Enw'r grŵp.",
    "scores.score":
      "Cymedr sgorau elfen yr ymatebwyr, 0-100 (pob ateb wedi'i ailraddio fel mai 100 yw pen gorau ei raddfa; datganiadau rhwystr wedi'u gwrthdroi).",
    "scores.band": "Band y sgôr fel y'i dangosir yn yr adroddiad.",
    "scores.n": "Yr ymatebwyr a gyfrifwyd yn y sgôr.",
    "scores.ci95_low": "Pen isaf cyfwng hyder 95% y sgôr.",
    "scores.ci95_high": "Pen uchaf cyfwng hyder 95% y sgôr.",
    "scores.sd": "Gwyriad safonol sgorau'r ymatebwyr (graddfa 0-100).",
    "scores.consensus":
      "Consensws: y gyfran (0 i 1) o atebion o fewn un pwynt ar y raddfa i'r farn ganol (canolrif pob datganiad). Nid cytundeb â'r datganiad.",
    "scores.split":
      "Barn sy'n rhy ranedig i un ffigur gynrychioli'r grŵp: mae gan o leiaf hanner y datganiadau draean neu fwy o'r atebion fwy nag un pwynt o'r farn ganol.",
    "scores.split.yes": "Barn ranedig",
    "scores.split.no": "Heb ei rhannu",
    "scores.dont_know": "Atebion 'Ddim yn gwybod / amherthnasol' a roddodd y grŵp hwn i'r datganiadau hyn.",
    "scores.alpha":
      "Alffa Cronbach datganiadau'r elfen (cysondeb mewnol), ar y rhes gyffredinol yn unig; gwag ar resi eraill.",
    "readme.downloaded": "Lawrlwythwyd {{at}}.",
    "readme.files": "FFEILIAU",
    "readme.answersLeftOut": "answers.csv   heb ei gynnwys: {{reason}}",
    "readme.answers":
      "answers.csv   Atebion dienw, un rhes ar gyfer pob ateb (fformat hir): dynodydd ar hap ar gyfer pob ymatebydd, y cwestiwn (allwedd a thestun) a'r ateb (cod a label).",
    "readme.scores": "scores.csv    Sgorau'r elfennau, un rhes ar gyfer pob elfen a grŵp, fel yn yr adroddiad.",
    "readme.codebook":
      "codebook.csv  Pob colofn yn y ddwy ffeil a phob cod ynddynt, gyda'i label. Ar gyfer 'value' yn answers.csv, codau pob cwestiwn (item_key).",
    "readme.readme": "README.txt    Y ffeil hon.",
    "readme.conventions": "CONFENSIYNAU",
    "readme.c":
      "c      wedi'i guddio: mae gan y grŵp lai na {{threshold}} o bobl (trothwy'r cylch), neu byddai'r ffigur yn gadael i grŵp felly gael ei gyfrifo.",
    "readme.x": "x      dim data.",
    "readme.blank": "gwag  heb ei ofyn neu amherthnasol (er enghraifft, lefel ymatebydd o deulu).",
    "readme.dontKnow":
      "dont_know  'Ddim yn gwybod / amherthnasol': nid yw'n bwynt ar y raddfa; gadewch ef allan o gyfartaleddau.",
    "readme.stages": "Mae cwestiynau'r camau'n defnyddio 0-5: {{stages}}.",
    "readme.labels1":
      "Mae gan bob colofn god (item_key, component, respondent_level, value, ...) golofn label wrth ei hochr neu",
    "readme.labels2":
      "ei labeli yn codebook.csv, felly mae'r allweddi'n sefydlog ar gyfer dadansoddi a'r labeli'n ddarllenadwy.",
    "readme.columnNames":
      "Mae enwau'r colofnau a'r codau yr un fath ym mhob iaith; mae'r labeli a'r ffeil hon yn iaith y lawrlwythiad.",
    "readme.leftOut": "BETH SY'N CAEL EI ADAEL ALLAN",
    "readme.leftOut1":
      "Ni chesglir enwau, cyfeiriadau e-bost na chyfeiriadau IP. Mae'r ffeil atebion yn gadael allan sylwadau testun rhydd,",
    "readme.leftOut2": "sgoriau fesul partner (byddent yn datgelu asiantaeth yr ymatebydd ei hun), ac atebion unrhyw",
    "readme.leftOut3":
      "grŵp y mae'r adroddiad yn ei guddio. Mae ei ddynodwyr yn newydd ym mhob lawrlwythiad, felly ni ellir cysylltu dau lawrlwythiad.",
    "readme.reading": "DARLLEN Y FFEILIAU",
    "readme.excel":
      "Mae'r ffeiliau hyn wedi'u cadw ar gyfer Excel: UTF-8 gyda nod trefn beitiau a diwedd llinellau Windows (CRLF).",
    "readme.plain":
      "Mae'r ffeiliau hyn yn UTF-8 gyda diwedd llinellau Windows (CRLF), RFC 4180. Ar gyfer Excel ar Windows, lawrlwythwch y fersiwn sy'n addas i Excel (gyda nod trefn beitiau) fel bod llythrennau ag acenion yn darllen yn gywir.",
    "readme.spss": "SPSS:   File > Import Data > CSV; gellir defnyddio labeli'r llyfr codau fel labeli gwerthoedd.",
    "readme.apostrophe":
      "Mae cell destun y byddai taenlen yn ei darllen fel fformiwla yn dechrau ag collnod (') fel ei bod yn cael ei dangos fel testun.",
    "workshopAction.open": "Agored",
    "leftOut.leadsOnly": "dim ond arweinwyr y bartneriaeth all lawrlwytho'r atebion dienw.",
    "leftOut.retention": "Dilëwyd atebion crai'r cylch hwn o dan osodiad cadw'r bartneriaeth.",
    "leftOut.unpublished": "Nid oes canlyniadau wedi'u cyhoeddi ar gyfer y cylch hwn eto.",
  },
};
export default file;

import type { MessageFile } from "../../index";

/** Geiriau'r adroddiad. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "results.metaTitle": "Canlyniadau",
    "section.keyMessages": "Negeseuon allweddol",
    "section.whoAnswered": "Pwy a atebodd",
    "section.howAnswered": "Sut yr atebodd pobl, a chyfraddau ymateb",
    "section.components": "Sgoriau'r elfennau",
    "section.deepDive": "Cwestiynau manwl",
    "section.change": "Newid ers y cylch diwethaf",
    "section.consensus": "Consensws y gweithdy ochr yn ochr â'r arolwg",
    "section.continuum": "Continwwm integreiddio",
    "section.levels": "Elfennau fesul lefel",
    "section.gap": "Y bwlch canfyddiad",
    "section.byAgency": "Fesul math o asiantaeth",
    "section.topItems": "Beth sy'n helpu a beth sy'n rhwystro",
    "section.partners": "Sut mae asiantaethau'n gweithio gyda'i gilydd",
    "section.family": "Llais teuluoedd",
    "section.experience": "Y bwlch profiad: teuluoedd ochr yn ochr â gweithwyr proffesiynol",
    "section.trust": "I ba raddau i ymddiried yn y ffigurau hyn",
    "section.comments": "Sylwadau (arweinwyr yn unig)",
    "section.shortForm": "Ffurflen fer",
    "section.changeSince": "Newid ers {{previous}}",
    "results.title": "Canlyniadau: {{round}}",
    "results.print": "Argraffu neu gadw fel PDF",
    "results.actionPlan": "Cynllun gweithredu",
    "results.scoresCsv": "Sgoriau (CSV)",
    "results.dataZip": "Data a llyfr codau (ZIP)",
    "results.dataZipExcel": "Data a llyfr codau ar gyfer Excel (ZIP)",
    "results.json": "Canlyniadau llawn (JSON)",
    "results.answersCsv": "Atebion dienw (CSV)",
    "results.back": "Yn ôl i'r cylch",
    "results.tools": "Offer yr adroddiad",
    "results.contents": "Cynnwys",
    "results.none": "Dim canlyniadau i'w dangos eto",
    "results.suppressed":
      "Mae canlyniadau'n ymddangos unwaith y bydd o leiaf {{threshold}} o bobl wedi cyflwyno, fel na ellir adnabod atebion neb.",
    "results.keyMessagesIntro":
      "Wedi'u hysgrifennu yn ôl rheolau sefydlog o'r ffigurau isod; mae pob un yn cysylltu â'r ffigur y daw ohono. Dim ond pan fydd y ffigurau'n ei gefnogi y gelwir gwahaniaeth yn glir.",
    "results.open": "mae'r cylch yn dal ar agor: gall y ffigurau newid",
    "results.closed": "cylch wedi cau",
    "results.produced": "adroddiad wedi'i lunio {{date}}",
    "comparison.change": "Newid",
    "km.point": "{{x}} pwynt",
    "km.points": "{{x}} pwynt",
    "km.list": "{{items}} a {{last}}",
    "km.staff.social_work": "staff gwaith cymdeithasol",
    "km.staff.health": "staff iechyd",
    "km.staff.education": "staff addysg",
    "km.staff.police": "staff yr heddlu",
    "km.staff.housing": "staff tai",
    "km.staff.voluntary": "staff y sector gwirfoddol",
    "km.staff.other": "staff asiantaethau eraill",
    "km.bandWord.strength": "cryfder",
    "km.bandWord.borderline": "ar y ffin",
    "km.bandWord.concern": "pryder",
    "km.count.strength.none": "nid oes yr un yn gryfder",
    "km.count.strength.one": "mae 1 yn gryfder",
    "km.count.strength.many": "mae {{n}} yn gryfderau",
    "km.count.borderline.none": "nid oes yr un ar y ffin",
    "km.count.borderline.one": "mae 1 ar y ffin",
    "km.count.borderline.many": "mae {{n}} ar y ffin",
    "km.count.concern.none": "nid oes yr un yn bryder",
    "km.count.concern.one": "mae 1 yn bryder",
    "km.count.concern.many": "mae {{n}} yn bryderon",
    "km.bandsOf": "O'r {{n}} elfen",
    "km.bandsOfShown": "O'r {{n}} elfen y gellir eu dangos",
    "km.bands": "{{of}}, {{strength}}, {{borderline}} a {{concern}}.",
    "km.highestLowest":
      "{{highest}} sy'n sgorio uchaf ({{highScore}}, {{highBand}}) a {{lowest}} isaf ({{lowScore}}, {{lowBand}}).",
    "km.highestLowestUnclear":
      "{{highest}} sy'n sgorio uchaf ({{highScore}}, {{highBand}}) a {{lowest}} isaf ({{lowScore}}, {{lowBand}}), er efallai nad yw'r ddwy hyn yn wahanol mewn gwirionedd gyda'r niferoedd hyn o bobl.",
    "km.atStage": "ar gam {{n}}, {{name}}",
    "km.placeAtOrFurther": "ar gam {{n}}, {{name}}, neu ymhellach ymlaen",
    "km.betweenStages": "rhwng camau {{from}} a {{to}}",
    "km.placeUncertain":
      "rywle rhwng cam {{from}}, {{fromName}}, a cham {{to}}, {{toName}} (ni all yr atebion ddweud pa un)",
    "km.wantStay": "; mae'r bobl a atebodd am iddi aros yno",
    "km.want": "; mae'r bobl a atebodd am iddi fod {{where}} (eu canolrif)",
    "km.continuum": "Mae'r atebion yn gosod y bartneriaeth {{at}}{{want}}.",
    "km.levelGap":
      "Mae pobl sy'n gweithio ar lefel {{low}} yn sgorio {{component}} {{pts}} yn is na'r rhai ar lefel {{high}}: y gwahaniaeth clir mwyaf rhwng lefelau.",
    "km.levelGapUnclear":
      "Nid oes gwahaniaeth clir rhwng lefelau: mae'r mwyaf, {{pts}} ar {{component}} rhwng lefel {{high}} a lefel {{low}}, yn ansicr.",
    "km.agencyGap":
      "Mae {{low}} yn sgorio {{component}} {{pts}} yn is na {{high}}: y gwahaniaeth clir mwyaf rhwng mathau o asiantaeth.",
    "km.agencyGapUnclear":
      "Nid oes gwahaniaeth clir rhwng mathau o asiantaeth: mae'r mwyaf, {{pts}} ar {{component}} rhwng {{high}} a {{low}}, yn ansicr.",
    "km.more": " a {{n}} arall",
    "km.familiesLower": "Mae teuluoedd yn sgorio {{components}}{{more}} yn is na gweithwyr proffesiynol (o {{by}}).",
    "km.familiesHigher":
      "Nid yw teuluoedd yn sgorio unrhyw elfen yn amlwg yn is na gweithwyr proffesiynol, ac maent yn sgorio {{components}} yn uwch (o {{by}}).",
    "km.noChange":
      "Ni newidiodd unrhyw elfen yn glir ers y cylch diwethaf ({{previous}}): mae'r gwahaniaethau o fewn yr hyn y gallai siawns ei roi.",
    "km.rose": "cododd {{component}} (i fyny {{pts}})",
    "km.fell": "gostyngodd {{component}} (i lawr {{pts}})",
    "km.change": "Ers y cylch diwethaf ({{previous}}), {{parts}}, yn glir{{others}}.",
    "km.familiesSame_zero":
      "Nid yw sgoriau teuluoedd yn wahanol yn glir i rai gweithwyr proffesiynol ar unrhyw un o'r {{count}} elfen y mae'r ddau holiadur yn holi amdanynt: mae'r gwahaniaethau'n ansicr.",
    "km.others_zero": "; nid yw'r {{count}} elfen gymharol arall yn dangos newid clir",
    "km.familiesSame_one":
      "Nid yw sgoriau teuluoedd yn wahanol yn glir i rai gweithwyr proffesiynol ar unrhyw un o'r {{count}} elfen y mae'r ddau holiadur yn holi amdanynt: mae'r gwahaniaethau'n ansicr.",
    "km.others_one": "; nid yw'r {{count}} elfen gymharol arall yn dangos newid clir",
    "km.familiesSame_two":
      "Nid yw sgoriau teuluoedd yn wahanol yn glir i rai gweithwyr proffesiynol ar unrhyw un o'r {{count}} elfen y mae'r ddau holiadur yn holi amdanynt: mae'r gwahaniaethau'n ansicr.",
    "km.others_two": "; nid yw'r {{count}} elfen gymharol arall yn dangos newid clir",
    "km.familiesSame_few":
      "Nid yw sgoriau teuluoedd yn wahanol yn glir i rai gweithwyr proffesiynol ar unrhyw un o'r {{count}} elfen y mae'r ddau holiadur yn holi amdanynt: mae'r gwahaniaethau'n ansicr.",
    "km.others_few": "; nid yw'r {{count}} elfen gymharol arall yn dangos newid clir",
    "km.familiesSame_many":
      "Nid yw sgoriau teuluoedd yn wahanol yn glir i rai gweithwyr proffesiynol ar unrhyw un o'r {{count}} elfen y mae'r ddau holiadur yn holi amdanynt: mae'r gwahaniaethau'n ansicr.",
    "km.others_many": "; nid yw'r {{count}} elfen gymharol arall yn dangos newid clir",
    "km.familiesSame_other":
      "Nid yw sgoriau teuluoedd yn wahanol yn glir i rai gweithwyr proffesiynol ar unrhyw un o'r {{count}} elfen y mae'r ddau holiadur yn holi amdanynt: mae'r gwahaniaethau'n ansicr.",
    "km.others_other": "; nid yw'r {{count}} elfen gymharol arall yn dangos newid clir",
  },
};
export default file;

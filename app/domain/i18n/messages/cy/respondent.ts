import type { MessageFile } from "../../index";

/** Yr hyn y mae ymatebwr yn ei weld. Awaiting review by a fluent Welsh speaker. */
const file: MessageFile = {
  reviewed: false,
  messages: {
    "start.title.family": "A wnaeth gwasanaethau gydweithio ar eich cyfer chi?",
    "start.title.staff": "Pa mor dda y mae gwasanaethau'n cydweithio?",
    "start.intro.family":
      "Dywedwch wrthym sut brofiad oedd hi i chi a'ch teulu gael help gan wahanol wasanaethau: a oeddent yn cydweithio, neu a oedd rhaid i chi adrodd eich stori dro ar ôl tro.",
    "start.intro.staff":
      "Dywedwch wrthym sut mae'r asiantaethau yn eich partneriaeth yn cydweithio ar gyfer plant a theuluoedd. Nid oes atebion cywir nac anghywir.",
    "start.minutes.short": "Mae'n cymryd tua 5 munud.",
    "start.minutes.full": "Mae'n cymryd tua 25 munud.",
    "start.anonymous":
      "Mae'n ddienw: nid ydym yn gofyn am eich enw na'ch e-bost, ac nid oes neb yn gweld atebion unrhyw unigolyn. Dim ond ar gyfer grwpiau o sawl person y dangosir canlyniadau.",
    "start.saved":
      "Caiff eich atebion eu cadw wrth i chi fynd. Gallwch stopio, a dod yn ôl ar y ddyfais hon tan {{date}}, neu gael dolen i barhau yn rhywle arall.",
    "start.language": "Dewiswch eich iaith",
    "start.now": "Dechrau nawr",
    "start.noscript":
      "Mae angen JavaScript ar yr holiadur hwn ar ôl ei adran gyntaf. Os na allwch ddefnyddio JavaScript, cysylltwch â'r bartneriaeth am gopi papur.",
    "start.submittedTitle": "Rydych eisoes wedi cyflwyno eich atebion",
    "start.submittedBody":
      "Diolch. Mae eich atebion i {{round}} ar gyfer {{partnership}} wedi'u cadw ac ni ellir eu newid mwyach.",
    "start.metaTitle": "Holiadur",
    "loading.questionnaire": "Wrthi'n llwytho'r holiadur…",
    "loading.next": "Wrthi'n llwytho'r adran nesaf…",
    "loading.failedTitle": "Nid oedd modd llwytho'r holiadur",
    "loading.failedBody": "Gwiriwch eich cysylltiad. Bydd yn ceisio eto pan ddaw'r cysylltiad yn ôl.",
    "loading.retry": "Rhowch gynnig arall arni",
    "runner.section": "Adran {{n}} o {{total}}",
    "runner.sectionTitled": "Adran {{n}} o {{total}}: {{title}}",
    "runner.backToCheck": "Yn ôl i wirio eich atebion",
    "runner.stages": "Beth yw ystyr y camau?",
    "runner.next": "Nesaf",
    "runner.saving": "Wrthi'n cadw…",
    "runner.savedAt": "Pob ateb wedi'i gadw am {{time}}",
    "runner.waiting":
      "Heb ei gadw eto: dim cysylltiad. Caiff eich atebion eu cadw ar y ddyfais hon a'u hanfon pan fydd y cysylltiad yn ôl.",
    "runner.notSaved": "Nid oedd modd cadw eich atebion.",
    "runner.notSubmitted": "Nid oedd modd cyflwyno eich atebion. Rhowch gynnig arall arni.",
    "runner.noResumeLink": "Nid oedd modd creu dolen i ailddechrau.",
    "runner.finishLater": "Gorffen yn nes ymlaen",
    "runner.finishLaterBody":
      "Caiff eich atebion eu cadw wrth i chi fynd. Ar y ddyfais hon, agorwch yr un ddolen i barhau.",
    "runner.finishLaterOther":
      "I barhau ar ddyfais arall, mynnwch ddolen breifat i'ch atebion. Gall unrhyw un sydd â'r ddolen weld a newid eich atebion nes i chi eu cyflwyno, felly cadwch hi i chi'ch hun.",
    "runner.getResumeLink": "Cadw a chael dolen i ailddechrau",
    "runner.resumeLink": "Eich dolen i ailddechrau",
    "runner.answerRequired": "Atebwch y cwestiwn hwn i barhau",
    "check.title": "Gwirio eich atebion",
    "check.intro":
      "Agorwch adran i weld eich atebion. Gallwch newid unrhyw un ohonynt cyn i chi eu cyflwyno; wedi hynny ni ellir eu newid.",
    "check.answered": "{{answered}} o {{total}} wedi'u hateb",
    "check.notAnswered": "Heb ei ateb",
    "check.change": "Newid",
    "check.changeHidden": "eich ateb i: {{question}}",
    "check.sendTitle": "Nawr anfonwch eich atebion",
    "check.sendBody":
      "Drwy gyflwyno, rydych yn anfon eich atebion i'r bartneriaeth. Ni fydd neb yn gweld eich atebion chi, dim ond canlyniadau ar gyfer grwpiau o sawl person.",
    "check.submit": "Cyflwyno'r atebion",
    "check.submitting": "Wrthi'n cyflwyno…",
    "done.title": "Atebion wedi'u cyflwyno",
    "done.thanks": "Diolch am gymryd rhan.",
    "done.nextTitle": "Beth sy'n digwydd nesaf",
    "done.next":
      "Pan fydd y cylch yn cau, bydd y bartneriaeth yn gweld canlyniadau cyfunol pawb a atebodd. Nid oes neb yn gweld eich atebion chi, a dim ond ar gyfer grwpiau o sawl person y dangosir canlyniadau.",
    "done.close": "Gallwch gau'r dudalen hon nawr.",
    "stage.description.coexistence": "Mae asiantaethau'n gweithio ar wahân; cyswllt dim ond pan fo rhaid.",
    "stage.description.communication":
      "Mae pobl o wahanol asiantaethau'n siarad â'i gilydd ac yn rhannu gwybodaeth yn anffurfiol.",
    "stage.description.cooperation": "Cydweithio ysgafn fesul achos.",
    "stage.description.coordination":
      "Cydweithio ffurfiol (protocolau y cytunwyd arnynt, llwybrau atgyfeirio, cyfarfodydd ar y cyd), ond dim sancsiynau pan na fydd yn digwydd.",
    "stage.description.coalition":
      "Strwythurau ar y cyd lle mae asiantaethau'n ildio rhywfaint o'u hannibyniaeth: bwrdd ar y cyd, cyllideb gyfun, tîm amlasiantaeth wedi'i gydleoli, rheolaeth a rennir.",
    "stage.description.integration":
      "Mae sefydliadau'n uno i greu hunaniaeth newydd ar y cyd: un rheolaeth, un gyllideb, un gwasanaeth.",
    "paper.tools.professional":
      "Dyma holiadur proffesiynol {{round}}, yn barod i'w argraffu ar A4. Defnyddiwch Argraffu eich porwr, a dewiswch “Cadw fel PDF” fel yr argraffydd i gael ffeil PDF. Rhowch y ffurflenni wedi'u llenwi gyda “Rhoi ymateb papur” ar dudalen y cylch.",
    "paper.tools.short":
      "Dyma holiadur proffesiynol byr {{round}}, yn barod i'w argraffu ar A4. Defnyddiwch Argraffu eich porwr, a dewiswch “Cadw fel PDF” fel yr argraffydd i gael ffeil PDF. Rhowch y ffurflenni wedi'u llenwi gyda “Rhoi ymateb papur” ar dudalen y cylch.",
    "paper.tools.family":
      "Dyma holiadur llais y teulu {{round}}, yn barod i'w argraffu ar A4. Defnyddiwch Argraffu eich porwr, a dewiswch “Cadw fel PDF” fel yr argraffydd i gael ffeil PDF. Rhowch y ffurflenni wedi'u llenwi gyda “Rhoi ymateb papur” ar dudalen y cylch.",
    "paper.print": "Argraffu neu gadw fel PDF",
    "paper.reference": "Cyfeirnod {{reference}}",
    "paper.intro.staff": "Dywedwch wrthym sut mae'r asiantaethau yn eich partneriaeth yn cydweithio.",
    "paper.noName": "Peidiwch ag ysgrifennu eich enw nac unrhyw fanylion personol eraill ar y ffurflen hon.",
    "paper.howTo":
      "Ticiwch un blwch ar gyfer pob cwestiwn, neu gadewch ef yn wag os byddai'n well gennych beidio ag ateb. Rhowch y ffurflen yn ôl fel y gofynnwyd i chi: mae staff yn ei rhoi yn y system ac yna caiff ei chyfrif gyda phawb arall, dim ond ar gyfer grwpiau o sawl person.",
    "paper.thanks": "Diolch.",
    "paper.writeHere": "Lle i ysgrifennu eich ateb",
    "paper.title": "Holiadur papur",
  },
};
export default file;

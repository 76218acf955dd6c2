import type { MessageFile } from "../../index";

/** The report's words: the key messages and the sections' headings. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "comparison.change": "Change",
    "km.point": "{{x}} point",
    "km.points": "{{x}} points",
    "km.list": "{{items}} and {{last}}",
    "km.staff.social_work": "social work staff",
    "km.staff.health": "health staff",
    "km.staff.education": "education staff",
    "km.staff.police": "police staff",
    "km.staff.housing": "housing staff",
    "km.staff.voluntary": "voluntary-sector staff",
    "km.staff.other": "staff of other agencies",
    "km.bandWord.strength": "strength",
    "km.bandWord.borderline": "borderline",
    "km.bandWord.concern": "concern",
    "km.count.strength.none": "none is a strength",
    "km.count.strength.one": "1 is a strength",
    "km.count.strength.many": "{{n}} are strengths",
    "km.count.borderline.none": "none is borderline",
    "km.count.borderline.one": "1 is borderline",
    "km.count.borderline.many": "{{n}} are borderline",
    "km.count.concern.none": "none is a concern",
    "km.count.concern.one": "1 is a concern",
    "km.count.concern.many": "{{n}} are concerns",
    "km.bandsOf": "Of the {{n}} components",
    "km.bandsOfShown": "Of the {{n}} components that can be shown",
    "km.bands": "{{of}}, {{strength}}, {{borderline}} and {{concern}}.",
    "km.highestLowest":
      "{{highest}} scores highest ({{highScore}}, {{highBand}}) and {{lowest}} lowest ({{lowScore}}, {{lowBand}}).",
    "km.highestLowestUnclear":
      "{{highest}} scores highest ({{highScore}}, {{highBand}}) and {{lowest}} lowest ({{lowScore}}, {{lowBand}}), though with these numbers of people even these two may not really differ.",
    "km.atStage": "at stage {{n}}, {{name}}",
    "km.placeAtOrFurther": "at stage {{n}}, {{name}}, or further along",
    "km.betweenStages": "between stages {{from}} and {{to}}",
    "km.placeUncertain":
      "somewhere from stage {{from}}, {{fromName}}, to stage {{to}}, {{toName}} (the answers cannot tell which)",
    "km.wantStay": "; the people who answered want it to stay there",
    "km.want": "; the people who answered want it {{where}} (their median)",
    "km.continuum": "The answers place the partnership {{at}}{{want}}.",
    "km.levelGap":
      "People working at {{low}} level rate {{component}} {{pts}} lower than those at {{high}} level: the largest clear difference between levels.",
    "km.levelGapUnclear":
      "No difference between levels is clear: the largest, {{pts}} on {{component}} between {{high}} and {{low}} level, is uncertain.",
    "km.agencyGap":
      "{{low}} rate {{component}} {{pts}} lower than {{high}} do: the largest clear difference between kinds of agency.",
    "km.agencyGapUnclear":
      "No difference between kinds of agency is clear: the largest, {{pts}} on {{component}} between {{high}} and {{low}}, is uncertain.",
    "km.more": " and {{n}} more",
    "km.familiesLower": "Families rate {{components}}{{more}} lower than professionals do (by {{by}}).",
    "km.familiesHigher":
      "Families rate no component clearly lower than professionals do, and {{components}} higher (by {{by}}).",
    "km.familiesSame_one":
      "Families' scores do not differ clearly from professionals' on any of the {{count}} component both questionnaires ask about: the differences are uncertain.",
    "km.familiesSame_other":
      "Families' scores do not differ clearly from professionals' on any of the {{count}} components both questionnaires ask about: the differences are uncertain.",
    "km.noChange":
      "No component changed clearly since the last round ({{previous}}): the differences are within what chance could give.",
    "km.rose": "{{component}} rose (up {{pts}})",
    "km.fell": "{{component}} fell (down {{pts}})",
    "km.change": "Since the last round ({{previous}}), {{parts}}, clearly{{others}}.",
    "km.others_one": "; the other {{count}} comparable component shows no clear change",
    "km.others_other": "; the other {{count}} comparable components show no clear change",
  },
};
export default file;

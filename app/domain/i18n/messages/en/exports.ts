import type { MessageFile } from "../../index";

/** The exports' words: the labels in the files, the codebook and the README. English is the source. */
const file: MessageFile = {
  reviewed: true,
  messages: {
    "hidden.c":
      "Hidden: fewer people than the round's threshold, or a figure that would let such a group be worked out",
    "hidden.x": "No data: nobody in this group answered, or the figure does not apply",
    "polarity.facilitator":
      "Facilitator: a statement of something that helps; answered on a {{max}}-point agreement scale, higher is better",
    "polarity.barrier":
      "Barrier: a statement of something that gets in the way; answered on a {{max}}-point scale of how much it is a barrier, higher is worse",
    "answers.round": "The round's name.",
    "answers.response_id":
      "A random id drawn for this download only: the rows of one respondent share it. It does not link to the database, and two downloads cannot be joined by it.",
    "answers.respondent_level":
      "The level the respondent mainly works at. Blank for the family questionnaire (not asked). 'c' where fewer than the round's threshold share it.",
    "answers.agency_type":
      "The kind of agency the respondent works for. Blank for the family questionnaire (not asked). 'c' where fewer than the round's threshold share it, alone or together with the level.",
    "answers.item_key": "The question answered (its key; the question text is in the next column).",
    "answers.question": "The question as the respondent saw it.",
    "answers.component":
      "The component of integration the question measures. Blank for continuum markers and stage questions.",
    "answers.level":
      "The level the question is about (not the respondent's level). Blank for continuum markers and stage questions.",
    "answers.polarity":
      "Whether agreeing with the statement is good or bad. Blank for continuum markers and stage questions.",
    "answers.value":
      "The answer as stored: its meaning depends on the question (item_key), listed below per question. 'dont_know' is no position on the scale: leave it out of averages.",
    "answers.answer_label": "The answer as the respondent saw it.",
    "scores.round": "The round's name.",
    "scores.section": "Which questionnaire the figure comes from.",
    "scores.section.professional": "The professionals' questionnaire (full form)",
    "scores.section.short": "The professionals' short form (one statement per component)",
    "scores.section.family": "The family-voice questionnaire",
    "scores.component": "The component of integration (its key; the name is in the next column).",
    "scores.component_name": "The component's name.",
    "scores.breakdown": "How the respondents or statements are grouped for this row.",
    "scores.breakdown.overall": "Everyone, every statement of the component",
    "scores.breakdown.polarity": "Facilitator statements only, or barrier statements only",
    "scores.breakdown.item_level": "Statements about one level (national, local authority, organisation, team)",
    "scores.breakdown.respondent_level": "Respondents who work at one level",
    "scores.breakdown.agency_type": "Respondents from one kind of agency",
    "scores.breakdown.family_group": "Children and young people, or parents and carers",
    "scores.group": "The group within the breakdown (the name is in the next column).",
    "group.all": "Everyone",
    "group.facilitators": "Facilitator statements",
    "group.barriers": "Barrier statements",
    "group.itemLevel": "Statements about: {{level}}",
    "group.respondentLevel": "Respondents at: {{level}}",
    "scores.group_label": "The group's name.",
    "scores.score":
      "Mean of the respondents' component scores, 0-100 (each answer rescaled so that 100 is the best end of its scale; barrier statements reversed).",
    "scores.band": "The band of the score as shown in the report.",
    "scores.n": "Respondents counted in the score.",
    "scores.ci95_low": "Lower end of the 95% confidence interval of the score.",
    "scores.ci95_high": "Upper end of the 95% confidence interval of the score.",
    "scores.sd": "Standard deviation of the respondents' scores (0-100 scale).",
    "scores.consensus":
      "Consensus: the share (0 to 1) of answers within one scale point of the middle view (the median of each statement). Not agreement with the statement.",
    "scores.split":
      "Views too divided for one figure to stand for the group: at least half of the statements have a third or more of the answers more than one point from the middle view.",
    "scores.split.yes": "Split views",
    "scores.split.no": "Not split",
    "scores.dont_know": "'Don't know / not applicable' answers this group gave to these statements.",
    "scores.alpha":
      "Cronbach's alpha of the component's statements (internal consistency), on the overall row only; blank on other rows.",
    "readme.downloaded": "Downloaded {{at}}.",
    "readme.files": "FILES",
    "readme.answersLeftOut": "answers.csv   not included: {{reason}}",
    "readme.answers":
      "answers.csv   Anonymised answers, one row per answer (long format): a random id per respondent, the question (key and text) and the answer (code and label).",
    "readme.scores": "scores.csv    Component scores, one row per component and group, as in the report.",
    "readme.codebook":
      "codebook.csv  Every column of the two files and every code in them, with its label. For 'value' in answers.csv, the codes of each question (item_key).",
    "readme.readme": "README.txt    This file.",
    "readme.conventions": "CONVENTIONS",
    "readme.c":
      "c      hidden: the group has fewer than {{threshold}} people (the round's threshold), or the figure would let such a group be worked out.",
    "readme.x": "x      no data.",
    "readme.blank": "blank  not asked or not applicable (for example, the level of a family respondent).",
    "readme.dontKnow": "dont_know  'Don't know / not applicable': not a point on the scale; leave it out of averages.",
    "readme.stages": "Stage questions use 0-5: {{stages}}.",
    "readme.labels1":
      "Each code column (item_key, component, respondent_level, value, ...) has a label column beside it or",
    "readme.labels2": "its labels in codebook.csv, so the keys are stable for analysis and the labels are readable.",
    "readme.columnNames":
      "Column names and codes are the same in every language; the labels and this file are in the language of the download.",
    "readme.leftOut": "WHAT IS LEFT OUT",
    "readme.leftOut1": "No names, email or IP addresses are collected. The answers file leaves out free-text comments,",
    "readme.leftOut2":
      "partner-by-partner ratings (they would reveal a respondent's own agency), and the answers of any",
    "readme.leftOut3": "group the report hides. Its ids are new in every download, so two downloads cannot be joined.",
    "readme.reading": "READING THE FILES",
    "readme.excel": "These files are saved for Excel: UTF-8 with a byte-order mark and Windows line ends (CRLF).",
    "readme.plain":
      "These files are UTF-8 with Windows line ends (CRLF), RFC 4180. For Excel on Windows, download the Excel-friendly version (with a byte-order mark) so that accented letters read correctly.",
    "readme.spss": "SPSS:   File > Import Data > CSV; the codebook's labels can be applied as value labels.",
    "readme.apostrophe":
      "A text cell that a spreadsheet would read as a formula starts with an apostrophe (') so that it is shown as text.",
    "workshopAction.open": "Open",
    "leftOut.leadsOnly": "only the partnership's leads can download the anonymised answers.",
    "leftOut.retention": "The raw answers of this round were deleted under the partnership's retention setting.",
    "leftOut.unpublished": "No results have been published for this round yet.",
  },
};
export default file;

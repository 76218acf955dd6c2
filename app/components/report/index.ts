/**
 * The sections of a round's results report, one file per section (or pair of sections). Each
 * draws from the scoring module's published figures only (small numbers already hidden there),
 * renders its table on the server, and its chart in the browser (ClientOnly) beside the table.
 */
export { AgencyHeatmap } from "./agency-heatmap";
export { AtAGlance } from "./at-a-glance";
export { Comparison } from "./change-since-last-round";
export { Comments } from "./comments";
export { ComponentScores, scoreBarRows } from "./component-scores";
export { Continuum } from "./continuum";
export { ExperienceGap } from "./experience-gap";
export { FamilyVoice } from "./family-voice";
export { KeyMessages } from "./key-messages";
export { ChartFigure, ReportSection } from "./layout";
export { LevelHeatmap, PerceptionGap } from "./levels";
export { HowPeopleAnswered, rateCounts } from "./reach";
export { Partners } from "./partners";
export { ShortForm } from "./short-form";
export { TopItems, type EvidenceNoteView } from "./top-items";
export { Trust } from "./trust";
export { WhoAnswered } from "./who-answered";
export { WorkshopConsensus, type ConsensusRow } from "./workshop-consensus";
export { GroupFilter, GroupScores, type GroupOptionView } from "./group-view";

/**
 * The framework the product measures: the 13 components of integration, the six stages of
 * the continuum, the four levels, and the respondent's agency types.
 *
 * This is the one place where these keys, names and descriptions are spelled out; the
 * database, URLs, exports, questionnaires and charts all use the keys defined here.
 * Sources: CELCIS Rapid Evidence Review 2023 ("Components of integration", "What is meant by
 * 'integration'?", "How integration differs at different levels"); LGA / SCIE "Integrated
 * working" briefing 7 (2013) for Horwath & Morrison's levels.
 */

export const COMPONENT_KEYS = [
  "vision",
  "leadership",
  "governance",
  "resources",
  "information",
  "evaluation",
  "roles",
  "relationships",
  "joint_working",
  "workforce",
  "culture",
  "holistic",
  "participation",
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

/** The review's model holds both "features" (system) and "activities" (practice) of integration. */
export type ComponentGroup = "system" | "practice";

export interface Component {
  key: ComponentKey;
  name: string;
  group: ComponentGroup;
  description: string;
}

export const COMPONENTS: readonly Component[] = [
  {
    key: "vision",
    name: "Shared vision, values and goals",
    group: "system",
    description:
      "Common goals and purpose, shared values, clarity of aims and outcomes, and a shared identity across the partnership.",
  },
  {
    key: "leadership",
    name: "Committed leadership at all levels",
    group: "system",
    description:
      'Senior management support, systems leadership that stays the course, champions, and an "authorising environment" that lets staff work across boundaries.',
  },
  {
    key: "governance",
    name: "Governance, accountability and policy alignment",
    group: "system",
    description:
      "Joint governance and decision-making groups, clear lines of accountability, protocols and formal agreements, alignment with legislation and national policy, and a lead agency.",
  },
  {
    key: "resources",
    name: "Funding, resources and commissioning",
    group: "system",
    description:
      "Pooled or joint budgets, long-term and flexible funding, joint commissioning on outcomes, enough staff and time, and no competition for funds.",
  },
  {
    key: "information",
    name: "Information sharing and data systems",
    group: "system",
    description:
      "Information-sharing agreements, compatible IT and records, consent and confidentiality handled well, and people knowing what can be shared.",
  },
  {
    key: "evaluation",
    name: "Evaluation, monitoring and learning",
    group: "system",
    description:
      "Shared outcome measures set at the outset, process and outcome data, a testing period, learning cycles and continuous improvement.",
  },
  {
    key: "roles",
    name: "Roles, responsibilities and mutual understanding",
    group: "practice",
    description:
      "Clear roles and remits, understanding of other agencies' duties, pressures and skills, mutual valuing, equal partners and power-sharing, and no damaging hierarchies.",
  },
  {
    key: "relationships",
    name: "Communication, relationships and trust",
    group: "practice",
    description:
      "Routine interagency meetings, face-to-face contact, clear lines of communication, trust, time to build relationships, and conflict managed openly.",
  },
  {
    key: "joint_working",
    name: "Joint working arrangements",
    group: "practice",
    description:
      "Co-location with time to meet, multi-agency teams, a named link person or key worker, coordinator roles, a single referral route, and joint assessment and care planning.",
  },
  {
    key: "workforce",
    name: "Workforce capacity and development",
    group: "practice",
    description:
      "Joint training, time and workload for collaboration, staff turnover and continuity, wellbeing, and a shared language and knowledge.",
  },
  {
    key: "culture",
    name: "Shared culture and practice",
    group: "practice",
    description:
      'Common ground across professional cultures, a shared approach to risk, reflection, openness to "not knowing", adaptability, and confidence that the change will last.',
  },
  {
    key: "holistic",
    name: "Holistic, child- and family-centred support",
    group: "practice",
    description:
      "Whole-family approaches, one trusted relationship, telling one's story once, smooth transitions to adult services, and the rights of children and families.",
  },
  {
    key: "participation",
    name: "Participation of children, families and communities",
    group: "practice",
    description:
      "Involvement in designing services and in decisions about their own support, community and voluntary-sector partners as equals, and cultural competence.",
  },
];

export const STAGE_KEYS = [
  "coexistence",
  "communication",
  "cooperation",
  "coordination",
  "coalition",
  "integration",
] as const;
export type StageKey = (typeof STAGE_KEYS)[number];
/** Stage number on the continuum, 0 (co-existence) to 5 (integration). */
export type StageNumber = 0 | 1 | 2 | 3 | 4 | 5;

export interface Stage {
  stage: StageNumber;
  key: StageKey;
  name: string;
  description: string;
  /** Leutz (1999): linkage = 1-2, coordination = 3, full integration = 4-5. */
  leutz: "none" | "linkage" | "coordination" | "full integration";
}

export const STAGES: readonly Stage[] = [
  {
    stage: 0,
    key: "coexistence",
    name: "Co-existence",
    leutz: "none",
    description: "Agencies work separately; contact only when forced.",
  },
  {
    stage: 1,
    key: "communication",
    name: "Communication",
    leutz: "linkage",
    description: "People from different agencies talk together and share information informally.",
  },
  {
    stage: 2,
    key: "cooperation",
    name: "Cooperation",
    leutz: "linkage",
    description: "Low-key joint working on a case-by-case basis.",
  },
  {
    stage: 3,
    key: "coordination",
    name: "Coordination",
    leutz: "coordination",
    description:
      "Formalised joint working (agreed protocols, referral pathways, joint meetings), but no sanctions when it does not happen.",
  },
  {
    stage: 4,
    key: "coalition",
    name: "Coalition",
    leutz: "full integration",
    description:
      "Joint structures in which agencies give up some autonomy: joint board, pooled budget, co-located multi-agency team, shared management.",
  },
  {
    stage: 5,
    key: "integration",
    name: "Integration",
    leutz: "full integration",
    description: "Organisations merge into a new joint identity: one management, one budget, one service.",
  },
];

/**
 * The review warns that a hierarchy is not always meaningful and that each area must choose
 * where it wants to be (CELCIS Rapid Evidence Review 2023, "What is meant by 'integration'?").
 */
export const CONTINUUM_CAVEAT =
  "Further along is not always better. Each area should choose the stage that fits its political context, budgetary priorities and the strength of its voluntary and community services.";

export const LEVEL_KEYS = ["national", "local_authority", "organisation", "team"] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

export interface Level {
  key: LevelKey;
  name: string;
  description: string;
}

export const LEVELS: readonly Level[] = [
  { key: "national", name: "National", description: "Government, national policy, legislation and national bodies." },
  {
    key: "local_authority",
    name: "Local authority",
    description: "The local area: the council, the strategic partnership and its joint commissioning.",
  },
  {
    key: "organisation",
    name: "Organisation",
    description: "A single agency or service: its management, systems and policies.",
  },
  {
    key: "team",
    name: "Team",
    description: "Front-line practice: practitioners and their managers working with children and families.",
  },
];

export const AGENCY_TYPE_KEYS = [
  "social_work",
  "health",
  "education",
  "police",
  "housing",
  "voluntary",
  "other",
] as const;
export type AgencyTypeKey = (typeof AGENCY_TYPE_KEYS)[number];

export const AGENCY_TYPES: readonly { key: AgencyTypeKey; name: string }[] = [
  { key: "social_work", name: "Social work" },
  { key: "health", name: "Health" },
  { key: "education", name: "Education" },
  { key: "police", name: "Police" },
  { key: "housing", name: "Housing" },
  { key: "voluntary", name: "Voluntary sector" },
  { key: "other", name: "Other" },
];

export const POLARITIES = ["facilitator", "barrier"] as const;
export type Polarity = (typeof POLARITIES)[number];

/** Score bands, after the Wilder Collaboration Factors Inventory cut-offs (4.0 and 3.0 of 5). */
export const BANDS = [
  { key: "strength", name: "Strength", min: 75 },
  { key: "borderline", name: "Borderline", min: 50 },
  { key: "concern", name: "Concern", min: 0 },
] as const;
export type BandKey = (typeof BANDS)[number]["key"];

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const MIN_SUPPRESSION_THRESHOLD = 3;

function byKey<T extends { key: string }>(list: readonly T[], kind: string) {
  const map = new Map(list.map((entry) => [entry.key, entry]));
  return (key: string): T => {
    const found = map.get(key);
    if (!found) throw new Error(`Unknown ${kind} key: ${key}`);
    return found;
  };
}

export const component = byKey(COMPONENTS, "component");
export const level = byKey(LEVELS, "level");
export const agencyType = byKey(AGENCY_TYPES, "agency type");
export const stage = (n: number): Stage => {
  const found = STAGES[n];
  if (!found) throw new Error(`Unknown stage: ${n}`);
  return found;
};

export const isComponentKey = (k: unknown): k is ComponentKey => COMPONENT_KEYS.includes(k as ComponentKey);
export const isLevelKey = (k: unknown): k is LevelKey => LEVEL_KEYS.includes(k as LevelKey);
export const isAgencyTypeKey = (k: unknown): k is AgencyTypeKey => AGENCY_TYPE_KEYS.includes(k as AgencyTypeKey);
export const isPolarity = (k: unknown): k is Polarity => POLARITIES.includes(k as Polarity);

export function bandFor(score: number): BandKey {
  if (score >= 75) return "strength";
  if (score >= 50) return "borderline";
  return "concern";
}

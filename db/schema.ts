/**
 * The one typed schema of the database (Kysely). Columns the database fills have defaults;
 * nullable columns are `T | null`, never optional.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";

type WithDefault<T> = ColumnType<T, T | undefined, T>;

export type Role = "lead" | "facilitator" | "viewer";
export type ResponseKind = "professional" | "family";
export type ResponseStatus = "in_progress" | "submitted";
export type RoundStatus = "open" | "closed";
export type RoundForm = "full" | "short";

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: WithDefault<number>;
  created_at: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}
/** A link granting a partnership role ("member") or a commissioner share; only the token's hash is kept. */
export interface AccessInvitationsTable {
  id: string;
  token_hash: string;
  partnership_id: string;
  kind: "member" | "commissioner" | "organisation";
  role: Role | null;
  /** For kind 'organisation': the member agency the grant is scoped to (0015). */
  agency_id: WithDefault<string | null>;
  note: WithDefault<string>;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
export interface PartnershipsTable {
  id: string;
  name: string;
  area: string;
  local_authority: string;
  retention_months: number | null;
  is_demo: WithDefault<number>;
  created_at: string;
  updated_at: string;
}
export interface AgenciesTable {
  id: string;
  partnership_id: string;
  name: string;
  agency_type: string;
  created_at: string;
}
/** A team a lead defines within a member agency (0015). */
export interface TeamsTable {
  id: string;
  partnership_id: string;
  agency_id: string;
  name: string;
  created_at: string;
}
/** An organisation lead: sees its own organisation's filtered report only (0015). */
export interface OrganisationViewersTable {
  user_id: string;
  partnership_id: string;
  agency_id: string;
  granted_by: string | null;
  created_at: string;
}
export interface MembershipsTable {
  partnership_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}
export interface CommissionerGrantsTable {
  user_id: string;
  partnership_id: string;
  granted_by: string | null;
  created_at: string;
}
export interface RoundsTable {
  id: string;
  partnership_id: string;
  name: string;
  form: RoundForm;
  include_continuum: number;
  include_family: number;
  opens_on: string;
  closes_on: string;
  status: RoundStatus;
  suppression_threshold: number;
  created_at: string;
  closed_at: string | null;
  /** Set when raw answers were deleted under the partnership's retention setting (0005). */
  answers_purged_at: WithDefault<string | null>;
  /** Deep-dive modules added to the round: component keys, comma-separated, '' for none (0006). */
  deep_dive_modules: WithDefault<string>;
}
export interface InvitationsTable {
  id: string;
  round_id: string;
  token: string;
  kind: ResponseKind;
  label: string;
  agency_type: string | null;
  level: string | null;
  created_at: string;
  revoked_at: string | null;
  /** The organisation (member agency) and team the link is for; set on the response without asking (0015). */
  agency_id: WithDefault<string | null>;
  team_id: WithDefault<string | null>;
}
export interface ResponsesTable {
  id: string;
  round_id: string;
  invitation_id: string | null;
  kind: ResponseKind;
  resume_hash: string;
  respondent_level: string | null;
  agency_type: string | null;
  agency_id: string | null;
  family_group: string | null;
  status: ResponseStatus;
  current_page: WithDefault<number>;
  /** Raised by every save applied; a save of changes must name it (lean autosave, issue 19). */
  version: WithDefault<number>;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** Null: answered online by the respondent; else entered by staff from paper or with the respondent beside them (0009). Who entered it is never stored. */
  entry_mode: WithDefault<EntryMode | null>;
  /** The team within the response's organisation, from its invitation link (0015). */
  team_id: WithDefault<string | null>;
}
export type EntryMode = "paper" | "assisted";
/** How many people a lead invited in a group of a round, for response rates (0009). */
export interface RoundInvitedCountsTable {
  round_id: string;
  /** 'staff', 'family', 'level:<level key>' or 'agency:<agency type key>'. */
  group_key: string;
  invited: number;
  updated_at: string;
}
export interface AnswersTable {
  response_id: string;
  item_key: string;
  value: string;
  numeric: number | null;
  updated_at: string;
}
export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  partnership_id: string | null;
  round_id: string | null;
  action: string;
  detail: string | null;
}

export interface RoundSnapshotsTable {
  round_id: string;
  result_json: string;
  created_at: string;
}

/** A published, immutable snapshot of a round's figures (0006): every reader reads these. */
export interface ResultSnapshotsTable {
  id: string;
  round_id: string;
  kind: "interim" | "final";
  taken_at: string;
  /** Submitted responses the snapshot was made from. */
  submitted_count: number;
  /** JSON of `SnapshotContent` (app/models/snapshot.server.ts): the suppressed result and what the pages need. */
  result_json: string;
  /** JSON of the comparison's extract of the result (`CompareExtract`, 0009); null until first compared for older snapshots. */
  compare_json: WithDefault<string | null>;
  /**
   * JSON of `SnapshotIds` (0017): the response ids the snapshot was made from and those the
   * answers export may include. Null in rows written without it (the ids are then in result_json).
   */
  ids_json: WithDefault<string | null>;
  /** 1 when the snapshot published figures (result.status "ok"), 0 when not; null as ids_json. */
  published: WithDefault<number | null>;
  /** JSON of the submitted responses by questionnaire at the time (for the snapshot rule); null as ids_json. */
  by_questionnaire_json: WithDefault<string | null>;
}
export type ResultSnapshot = Selectable<ResultSnapshotsTable>;

/** An action a partnership agreed from a round's results (0003). */
export interface ActionPlanItemsTable {
  id: string;
  partnership_id: string;
  /** The round the action was planned from. */
  round_id: string;
  component: string;
  description: string;
  /** The evidence register entry it was adopted from; null when the lead wrote it. */
  evidence_key: string | null;
  owner: string;
  due_on: string;
  status: ActionStatus;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export type ActionStatus = "not_started" | "in_progress" | "done";

export type WorkshopStatus = "active" | "ended";
/** A facilitated workshop session within a round (0002). */
export interface WorkshopsTable {
  id: string;
  round_id: string;
  partnership_id: string;
  name: string;
  join_code: string;
  /** JSON text: the component keys to cover, in order. */
  components: string;
  current_index: WithDefault<number>;
  voting_open: WithDefault<number>;
  revealed: WithDefault<number>;
  status: WorkshopStatus;
  /** Goes up by one on every change; clients compare it to know whether their state is current. */
  version: WithDefault<number>;
  created_by: string | null;
  created_at: string;
  ended_at: string | null;
}
export interface WorkshopParticipantsTable {
  id: string;
  workshop_id: string;
  token_hash: string;
  level: string;
  agency_type: string;
  joined_at: string;
  last_seen_at: string;
}
export interface WorkshopVotesTable {
  workshop_id: string;
  component: string;
  participant_id: string;
  rating: number;
  updated_at: string;
}
export interface WorkshopConsensusTable {
  id: string;
  workshop_id: string;
  component: string;
  score: number;
  notes: string;
  recorded_by: string | null;
  recorded_at: string;
}
export interface WorkshopActionsTable {
  id: string;
  workshop_id: string;
  component: string;
  description: string;
  owner: string;
  due_on: string | null;
  status: string;
  created_at: string;
}

/** Each scored item's tags, copied from the questionnaire files at start-up (0004). */
export interface ItemCatalogueTable {
  item_key: string;
  questionnaire: "professional" | "family";
  component: string;
  level: string;
  polarity: "facilitator" | "barrier";
  short_form: WithDefault<number>;
}

/** Rate-limit windows shared by every app process (0011): one row per purpose and client. */
export interface RateLimitsTable {
  id: string;
  count: number;
  /** The end of the window, epoch milliseconds (PostgreSQL returns a bigint as a string). */
  reset_at: ColumnType<number | string, number, number>;
}

/** A partnership's consent to national sharing (0011): its published figures join the national view. */
export interface NationalSharingTable {
  partnership_id: string;
  consented_by: string | null;
  consented_at: string;
}
/** Accounts with the national-viewer role (0011): pooled figures of consenting areas only. */
export interface NationalViewersTable {
  user_id: string;
  granted_by: string | null;
  created_at: string;
}
/** What the national view reads of one final snapshot (0011), kept because snapshots never change. */
export interface NationalSnapshotDigestsTable {
  snapshot_id: string;
  digest_version: number;
  digest_json: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  access_invitations: AccessInvitationsTable;
  partnerships: PartnershipsTable;
  agencies: AgenciesTable;
  teams: TeamsTable;
  organisation_viewers: OrganisationViewersTable;
  memberships: MembershipsTable;
  commissioner_grants: CommissionerGrantsTable;
  rounds: RoundsTable;
  invitations: InvitationsTable;
  responses: ResponsesTable;
  answers: AnswersTable;
  audit_log: AuditLogTable;
  round_snapshots: RoundSnapshotsTable;
  result_snapshots: ResultSnapshotsTable;
  action_plan_items: ActionPlanItemsTable;
  workshops: WorkshopsTable;
  workshop_participants: WorkshopParticipantsTable;
  workshop_votes: WorkshopVotesTable;
  workshop_consensus: WorkshopConsensusTable;
  workshop_actions: WorkshopActionsTable;
  item_catalogue: ItemCatalogueTable;
  rate_limits: RateLimitsTable;
  national_sharing: NationalSharingTable;
  national_viewers: NationalViewersTable;
  national_snapshot_digests: NationalSnapshotDigestsTable;
  round_invited_counts: RoundInvitedCountsTable;
}

export type User = Selectable<UsersTable>;
export type Partnership = Selectable<PartnershipsTable>;
export type Agency = Selectable<AgenciesTable>;
export type Team = Selectable<TeamsTable>;
export type Round = Selectable<RoundsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type ResponseRow = Selectable<ResponsesTable>;
export type NewResponse = Insertable<ResponsesTable>;
export type RoundUpdate = Updateable<RoundsTable>;
export type ActionPlanItem = Selectable<ActionPlanItemsTable>;
export type Workshop = Selectable<WorkshopsTable>;

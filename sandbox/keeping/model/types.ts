/**
 * Wire shapes of the fake Keeping API (snake_case, exactly as Keeping sends them; see
 * docs/keeping-api.md, Endpoints Urenbrug uses) plus the sandbox's own bookkeeping. The state holds these
 * objects as-is, so a route answers with the stored object and tests compute expected figures from the same
 * data the server serves.
 */

export type Scope = 'time' | 'team' | 'reporting' | 'project_management';
export type Role = 'administrator' | 'team_manager' | 'team_member';
export type UserState = 'needs_invite' | 'invited' | 'active' | 'inactive' | 'blocked' | 'decoupled';
export type Purpose =
  | 'work'
  | 'break'
  | 'special_leave'
  | 'unpaid_leave'
  | 'statutory_leave'
  | 'sick_leave'
  | 'work_reduction'
  | 'trip';
export type ProjectDirect =
  | 'entire_project_is_indirect'
  | 'is_direct_through_task_assignments'
  | 'entire_project_is_direct';

export interface Organisation {
  id: number;
  name: string;
  url: string;
  current_plan: string;
  features: { timesheet: 'times' | 'hours'; projects: boolean; tasks: boolean; breaks: boolean };
  time_zone: string;
  currency: string;
}

export interface User {
  id: number;
  first_name: string | null;
  surname: string | null;
  code: string | null;
  role: Role;
  state: UserState;
}

export interface Client {
  id: number;
  name: string;
  code: string | null;
  state: 'active' | 'inactive';
}

export interface Project {
  id: number;
  client: Client | null;
  name: string;
  code: string | null;
  direct: ProjectDirect | null;
  task_assignments: Array<{ task_id: number; direct: boolean | null }> | null;
  participations: Array<{ user_id: number }>;
  state: 'active' | 'archived';
}

export interface Task {
  id: number;
  name: string;
  code: string | null;
  direct: boolean | null;
  state: 'active' | 'archived';
}

export interface ExternalReference {
  id: string;
  type: string;
  name: string;
  url: string | null;
}

export interface TimeEntry {
  id: number;
  user_id: number;
  date: string;
  purpose: Purpose;
  approval_status: string;
  project_id: number | null;
  task_id: number | null;
  tag_ids: number[] | null;
  note: string | null;
  external_references: ExternalReference[];
  start: string | null;
  end: string | null;
  hours: number | null;
  ongoing: boolean;
  locked: boolean;
  is_direct_hours: boolean;
  included_in_total: boolean;
}

export interface WriteMeta {
  created_additional_time_entry_ids: number[];
  modified_existing_time_entry_ids: number[];
  deleted_existing_time_entry_ids: number[];
}

/** Everything one organisation holds. */
export interface OrganisationData {
  organisation: Organisation;
  users: User[];
  clients: Client[];
  projects: Project[];
  tasks: Task[];
  /** Sorted by date, then start, then id at seed time; routes sort their own output. */
  timeEntries: TimeEntry[];
  /**
   * Test control, not Keeping: fields that an entry carries on the wire instead of its own
   * (seed/hostile.ts), so a hostile value (an impossible date) is served inside a range read.
   */
  wireOverrides?: Map<number, Record<string, unknown>>;
}

/** A Keeping account: one person, any number of tokens, one "me" user per organisation. */
export interface SandboxAccount {
  id: number;
  /** Language of the account, used for error messages when no Accept-Language is sent. */
  locale: 'nl' | 'en';
  memberships: Array<{ organisationId: number; userId: number }>;
  tokens: Array<{ token: string; scopes: Scope[]; expired: boolean }>;
}

/** The main firm at the top level, other organisations beside it. */
export interface SandboxState extends OrganisationData {
  otherOrganisations: OrganisationData[];
  accounts: SandboxAccount[];
  /** Y-m-d in the organisation's zone the seed was built for. */
  today: string;
  /** Next id for created entries; ids are unique across organisations. */
  nextTimeEntryId: number;
}

/**
 * The domain's view of Keeping data: camelCase, minutes instead of decimal hours, nothing that
 * the UI has to re-interpret. The background maps validated Keeping responses into these shapes
 * (background/keeping/normalize.ts); everything after that works on these only.
 */

/** What an entry's time was for; the response schema accepts exactly these. */
export const PURPOSES = [
  'work',
  'break',
  'special_leave',
  'unpaid_leave',
  'statutory_leave',
  'sick_leave',
  'work_reduction',
  'trip',
] as const;

export type Purpose = (typeof PURPOSES)[number];

export interface ExternalReference {
  id: string;
  type: string;
  name: string;
  url: string | null;
}

export interface Entry {
  id: number;
  organisationId: number;
  userId: number;
  /** Keeping's `date` (Y-m-d in the organisation's zone): the day the entry belongs to. */
  date: string;
  purpose: Purpose;
  projectId: number | null;
  taskId: number | null;
  note: string;
  /** Confirmed minutes, excluding the running part of an ongoing entry. */
  minutes: number;
  /** ISO instants as Keeping sends them; `start` of an ongoing entry is when it was (re)started. */
  start: string | null;
  end: string | null;
  ongoing: boolean;
  locked: boolean;
  isDirect: boolean;
  externalReferences: ExternalReference[];
  /** Characters of the note beyond Keeping's maximum, cut at the edge and shown as a count. */
  noteFoldedChars?: number;
}

/** Why an entry Keeping sent was left out: an impossible date, hours out of range, or another field. */
export type LeftOutReason = 'date' | 'hours' | 'shape';

/** An entry Keeping sent that failed its check: named by its id (null when even that was broken). */
export interface LeftOutEntry {
  id: number | null;
  reason: LeftOutReason;
}

export interface Organisation {
  id: number;
  name: string;
  timeZone: string;
  currency: string;
  timesheet: 'times' | 'hours';
  features: { projects: boolean; tasks: boolean; breaks: boolean };
  plan: string;
}

export interface User {
  id: number;
  organisationId: number;
  firstName: string;
  surname: string;
  code: string | null;
  role: 'administrator' | 'team_manager' | 'team_member';
  state: string;
}

export interface Client {
  id: number;
  organisationId: number;
  name: string;
  code: string | null;
  state: 'active' | 'inactive';
}

export interface Project {
  id: number;
  organisationId: number;
  clientId: number | null;
  name: string;
  code: string | null;
  direct:
    | 'entire_project_is_indirect'
    | 'is_direct_through_task_assignments'
    | 'entire_project_is_direct'
    | null;
  state: 'active' | 'archived';
}

export interface Task {
  id: number;
  organisationId: number;
  name: string;
  code: string | null;
  direct: boolean | null;
  state: 'active' | 'archived';
}

/** Converts Keeping's decimal hours (4 decimals) to whole minutes. */
export function hoursToMinutes(hours: number | null): number {
  return hours === null ? 0 : Math.round(hours * 60);
}

/** Display name of a Keeping user ("Anna van Doorn"). */
export function userDisplayName(user: Pick<User, 'firstName' | 'surname'>): string {
  return [user.firstName, user.surname].filter((part) => part.length > 0).join(' ');
}

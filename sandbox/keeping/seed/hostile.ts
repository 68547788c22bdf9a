/**
 * Test control, not Keeping: entries that break what docs/keeping-api.md promises, to check that a
 * client names each bad one and keeps the rest. Written from the reference (Time entries and
 * ExternalReference): `date` is a Y-m-d calendar day, `hours` 0..1000, `note` at most 10,000
 * characters, and a reference's id /^[0-9a-f]{10,40}$/ with a name of at most 191 on write.
 */
import type { OrganisationData, TimeEntry } from '../model/types';

export const HOSTILE_ENTRY_IDS = {
  /** Served with date 2026-02-30. */
  impossibleDate: 29_990_001,
  /** Served with 1,500 hours. */
  hoursOutOfRange: 29_990_002,
  /** A valid entry whose note is 12,000 characters (Keeping's maximum is 10,000). */
  longNote: 29_990_003,
  /** A valid entry with another integration's reference that our write rules would refuse. */
  foreignReference: 29_990_004,
} as const;

export const HOSTILE_NOTE_LENGTH = 12_000;

/** Another integration's reference: an id that is not hex, a name past 191, a URL that is none. */
export const FOREIGN_REFERENCE = {
  id: 'ZGE-142/sub',
  type: 'jira_issue' as const,
  name: `ZGE-142 ${'x'.repeat(250)}`,
  url: 'not a url',
};

export interface HostileOptions {
  /** A real day inside the period to read; the entries are stored on it. */
  date: string;
  projectId: number;
  userId: number;
}

/** Adds the four hostile entries (again replacing earlier ones) to one organisation. */
export function addHostileEntries(data: OrganisationData, options: HostileOptions): TimeEntry[] {
  const ids = new Set<number>(Object.values(HOSTILE_ENTRY_IDS));
  data.timeEntries = data.timeEntries.filter((entry) => !ids.has(entry.id));
  const base = (id: number, note: string): TimeEntry => ({
    id,
    user_id: options.userId,
    date: options.date,
    purpose: 'work',
    approval_status: 'unsubmitted',
    project_id: options.projectId,
    task_id: null,
    tag_ids: [],
    note,
    external_references: [],
    start: null,
    end: null,
    hours: 1,
    ongoing: false,
    locked: false,
    is_direct_hours: true,
    included_in_total: true,
  });
  const entries = [
    base(HOSTILE_ENTRY_IDS.impossibleDate, 'Onmogelijke datum'),
    base(HOSTILE_ENTRY_IDS.hoursOutOfRange, 'Te veel uren'),
    base(HOSTILE_ENTRY_IDS.longNote, `Lange notitie ${'n'.repeat(HOSTILE_NOTE_LENGTH - 15)}.`),
    {
      ...base(HOSTILE_ENTRY_IDS.foreignReference, 'Met een vreemde referentie'),
      external_references: [FOREIGN_REFERENCE],
    },
  ];
  data.timeEntries.push(...entries);
  data.wireOverrides ??= new Map();
  data.wireOverrides.set(HOSTILE_ENTRY_IDS.impossibleDate, { date: '2026-02-30' });
  data.wireOverrides.set(HOSTILE_ENTRY_IDS.hoursOutOfRange, { hours: 1500 });
  return entries;
}

/** An entry as the sandbox serves it: with its hostile wire fields, if any. */
export function onTheWire(data: OrganisationData, entry: TimeEntry): TimeEntry {
  const override = data.wireOverrides?.get(entry.id);
  return override ? ({ ...entry, ...override } as TimeEntry) : entry;
}

/**
 * Entries in one text, column by column, for a year of them to cross between contexts and to
 * sit in one IndexedDB record (docs/architecture.md, Entries in one text). Runtime messaging
 * turns every object key and value into its own node on both sides, and IndexedDB reads a
 * record at a time: 48,000 entries as objects took 1–2 s each way, one text of them a tenth of it.
 * Every field comes back as it went (the codec is lossless); values that repeat (days, people,
 * projects, tasks) are written once and referred to by position.
 */
import { type Entry, type ExternalReference, PURPOSES, type Purpose } from '../core/keeping-types';
import { UrenbrugError } from './errors';

const FORMAT = 1;

/** The fields written once per distinct value. */
interface Repeated {
  organisationId: number;
  userId: number;
  date: string;
  purpose: Purpose;
  projectId: number | null;
  taskId: number | null;
  note: string;
  /** `start`/`end` without their day when it is the entry's own (see withoutDay). */
  start: string | null;
  end: string | null;
  references: ExternalReference[];
}
type RepeatedField = keyof Repeated;
const REPEATED: readonly RepeatedField[] = [
  'organisationId',
  'userId',
  'date',
  'purpose',
  'projectId',
  'taskId',
  'note',
  'start',
  'end',
  'references',
];

interface Columns {
  format: typeof FORMAT;
  /** Distinct values, then per entry the position of its value. */
  values: { [F in RepeatedField]: Repeated[F][] };
  at: Record<RepeatedField, number[]>;
  id: number[];
  minutes: number[];
  /** Bits: 1 ongoing, 2 locked, 4 direct. */
  flags: number[];
  /** Sparse: position and `noteFoldedChars` of the few entries whose note was folded. */
  folded: [number, number][];
}

/** Packed texts of entry lists this context already packed or unpacked: sent on without packing again. */
const packedOf = new WeakMap<readonly Entry[], string>();

/** "T08:00:00+01:00" on the entry's own day, else "=" and the instant as it was. */
function withoutDay(instant: string | null, date: string): string | null {
  if (instant === null) return null;
  return instant.startsWith(`${date}T`) ? instant.slice(date.length) : `=${instant}`;
}
function withDay(instant: string | null, date: string): string | null {
  if (instant === null) return null;
  if (instant.startsWith('T')) return `${date}${instant}`;
  if (instant.startsWith('=')) return instant.slice(1);
  broken('an instant of unknown form');
}

function repeatedOf(entry: Entry): Repeated {
  return {
    organisationId: entry.organisationId,
    userId: entry.userId,
    date: entry.date,
    purpose: entry.purpose,
    projectId: entry.projectId,
    taskId: entry.taskId,
    note: entry.note,
    start: withoutDay(entry.start, entry.date),
    end: withoutDay(entry.end, entry.date),
    references: entry.externalReferences,
  };
}

/**
 * The entries as one text; the same list twice is packed once (lists are not changed after they
 * are made: every list here is a fresh read).
 */
export function packEntries(entries: readonly Entry[]): string {
  const known = packedOf.get(entries);
  if (known !== undefined) return known;
  const columns = {
    format: FORMAT,
    values: Object.fromEntries(REPEATED.map((field) => [field, []])),
    at: Object.fromEntries(REPEATED.map((field) => [field, []])),
    id: [],
    minutes: [],
    flags: [],
    folded: [],
  } as unknown as Columns;
  const positions = new Map<RepeatedField, Map<unknown, number>>(REPEATED.map((field) => [field, new Map()]));
  for (const entry of entries) {
    const repeated = repeatedOf(entry);
    for (const field of REPEATED) {
      const seen = positions.get(field) as Map<unknown, number>;
      // References are arrays: compared by their text.
      const key = field === 'references' ? JSON.stringify(repeated.references) : repeated[field];
      let index = seen.get(key);
      if (index === undefined) {
        index = seen.size;
        seen.set(key, index);
        (columns.values[field] as unknown[]).push(repeated[field]);
      }
      columns.at[field].push(index);
    }
    columns.id.push(entry.id);
    columns.minutes.push(entry.minutes);
    columns.flags.push((entry.ongoing ? 1 : 0) | (entry.locked ? 2 : 0) | (entry.isDirect ? 4 : 0));
    if (entry.noteFoldedChars !== undefined)
      columns.folded.push([columns.id.length - 1, entry.noteFoldedChars]);
  }
  const text = JSON.stringify(columns);
  packedOf.set(entries, text);
  return text;
}

function broken(message: string): never {
  throw new UrenbrugError('internal', `Packed entries: ${message}`);
}

/** The entries back from `packEntries`' text; a text of another shape is refused, never half-read. */
export function unpackEntries(text: string): Entry[] {
  let columns: Columns;
  try {
    columns = JSON.parse(text) as Columns;
  } catch {
    broken('not JSON');
  }
  if (columns?.format !== FORMAT || !Array.isArray(columns.id)) broken('unknown format');
  const count = columns.id.length;
  const lists = [columns.minutes, columns.flags, ...REPEATED.map((field) => columns.at?.[field])];
  if (!lists.every((list) => Array.isArray(list) && list.length === count)) {
    broken('columns of different lengths');
  }
  const value = <F extends RepeatedField>(field: F, position: number): Repeated[F] => {
    const index = columns.at[field][position] as number;
    const values = columns.values[field];
    if (!Array.isArray(values) || !(index >= 0 && index < values.length)) broken(`${field} out of range`);
    return values[index] as Repeated[F];
  };
  if (!columns.values.purpose.every((purpose) => PURPOSES.includes(purpose))) broken('unknown purpose');
  const entries: Entry[] = new Array(count);
  for (let position = 0; position < count; position++) {
    const flags = columns.flags[position] as number;
    const date = value('date', position);
    entries[position] = {
      id: columns.id[position] as number,
      organisationId: value('organisationId', position),
      userId: value('userId', position),
      date,
      purpose: value('purpose', position),
      projectId: value('projectId', position),
      taskId: value('taskId', position),
      note: value('note', position),
      minutes: columns.minutes[position] as number,
      start: withDay(value('start', position), date),
      end: withDay(value('end', position), date),
      ongoing: (flags & 1) !== 0,
      locked: (flags & 2) !== 0,
      isDirect: (flags & 4) !== 0,
      // Shared between entries of one invoice: each entry gets its own copy of the list.
      externalReferences: value('references', position).map((reference) => ({ ...reference })),
    };
  }
  for (const pair of columns.folded ?? []) {
    const [position, chars] = Array.isArray(pair) ? pair : [];
    const entry = typeof position === 'number' ? entries[position] : undefined;
    if (entry === undefined || !Number.isSafeInteger(chars) || (chars as number) <= 0)
      broken('folded note out of range');
    entry.noteFoldedChars = chars as number;
  }
  packedOf.set(entries, text);
  return entries;
}

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

interface Columns {
  format: typeof FORMAT;
  /** Distinct values, then per entry the position of its value. */
  values: {
    organisationId: number[];
    userId: number[];
    date: string[];
    purpose: Purpose[];
    projectId: (number | null)[];
    taskId: (number | null)[];
  };
  at: Record<keyof Columns['values'], number[]>;
  id: number[];
  minutes: number[];
  note: string[];
  start: (string | null)[];
  end: (string | null)[];
  /** Bits: 1 ongoing, 2 locked, 4 direct. */
  flags: number[];
  /** Only the entries that have references: [entry position, references]. */
  references: [number, ExternalReference[]][];
}

type Repeated = keyof Columns['values'];
const REPEATED: readonly Repeated[] = ['organisationId', 'userId', 'date', 'purpose', 'projectId', 'taskId'];

/** Packed texts of entry lists this context already packed or unpacked: sent on without packing again. */
const packedOf = new WeakMap<readonly Entry[], string>();

/** The entries as one text; the same list twice is packed once. */
export function packEntries(entries: readonly Entry[]): string {
  const known = packedOf.get(entries);
  if (known !== undefined) return known;
  const dictionaries = new Map<Repeated, Map<unknown, number>>(REPEATED.map((field) => [field, new Map()]));
  const columns: Columns = {
    format: FORMAT,
    values: { organisationId: [], userId: [], date: [], purpose: [], projectId: [], taskId: [] },
    at: { organisationId: [], userId: [], date: [], purpose: [], projectId: [], taskId: [] },
    id: [],
    minutes: [],
    note: [],
    start: [],
    end: [],
    flags: [],
    references: [],
  };
  entries.forEach((entry, position) => {
    for (const field of REPEATED) {
      const dictionary = dictionaries.get(field) as Map<unknown, number>;
      let index = dictionary.get(entry[field]);
      if (index === undefined) {
        index = dictionary.size;
        dictionary.set(entry[field], index);
        (columns.values[field] as unknown[]).push(entry[field]);
      }
      columns.at[field].push(index);
    }
    columns.id.push(entry.id);
    columns.minutes.push(entry.minutes);
    columns.note.push(entry.note);
    columns.start.push(entry.start);
    columns.end.push(entry.end);
    columns.flags.push((entry.ongoing ? 1 : 0) | (entry.locked ? 2 : 0) | (entry.isDirect ? 4 : 0));
    if (entry.externalReferences.length > 0) columns.references.push([position, entry.externalReferences]);
  });
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
  const lists = [columns.minutes, columns.note, columns.start, columns.end, columns.flags];
  if (![...lists, ...REPEATED.map((field) => columns.at[field])].every((list) => list?.length === count)) {
    broken('columns of different lengths');
  }
  const references = new Map(columns.references);
  const value = <F extends Repeated>(field: F, position: number): Columns['values'][F][number] => {
    const index = columns.at[field][position] as number;
    if (index >= columns.values[field].length) broken(`${field} out of range`);
    return columns.values[field][index] as Columns['values'][F][number];
  };
  const entries: Entry[] = new Array(count);
  for (let position = 0; position < count; position++) {
    const flags = columns.flags[position] as number;
    entries[position] = {
      id: columns.id[position] as number,
      organisationId: value('organisationId', position),
      userId: value('userId', position),
      date: value('date', position),
      purpose: value('purpose', position),
      projectId: value('projectId', position),
      taskId: value('taskId', position),
      note: columns.note[position] as string,
      minutes: columns.minutes[position] as number,
      start: columns.start[position] as string | null,
      end: columns.end[position] as string | null,
      ongoing: (flags & 1) !== 0,
      locked: (flags & 2) !== 0,
      isDirect: (flags & 4) !== 0,
      externalReferences: references.get(position) ?? [],
    };
  }
  if (!columns.values.purpose.every((purpose) => PURPOSES.includes(purpose))) broken('unknown purpose');
  packedOf.set(entries, text);
  return entries;
}

/**
 * Display names and their sort order for projects, tasks and people. Ranks are computed once
 * from the names index, so sorting tens of thousands of lines compares integers instead of
 * collating strings.
 */

/** Display names by id; a missing name shows as "#<id>". */
export interface NameIndex {
  projects?: ReadonlyMap<number, string>;
  tasks?: ReadonlyMap<number, string>;
  users?: ReadonlyMap<number, string>;
}

/** A project, task or person on a line; id null means "none" (an entry without a task). */
export interface NamedRef {
  readonly id: number | null;
  readonly name: string;
}

export type NamedKind = 'project' | 'task' | 'person';

/** Ranks of unknown ids start here (after every known name), ordered by id; "none" is last. */
const UNKNOWN_BASE = 2 ** 40;
const NONE_RANK = 2 ** 52;

/** Name order: Dutch collation, case- and accent-insensitive, numbers by value ("Fase 2" < "Fase 10"). */
export class NameOrder {
  private readonly ranks: Record<NamedKind, Map<number, number>>;
  private readonly sources: Record<NamedKind, ReadonlyMap<number, string> | undefined>;
  // One shared, frozen ref per id: lines reuse them instead of allocating per line.
  private readonly refCache: Record<NamedKind, Map<number | null, NamedRef>> = {
    project: new Map(),
    task: new Map(),
    person: new Map(),
  };

  constructor(names: NameIndex) {
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    this.sources = { project: names.projects, task: names.tasks, person: names.users };
    const rank = (source: ReadonlyMap<number, string> | undefined): Map<number, number> => {
      const sorted = [...(source ?? [])].sort(([idA, a], [idB, b]) => collator.compare(a, b) || idA - idB);
      return new Map(sorted.map(([id], index) => [id, index]));
    };
    this.ranks = { project: rank(names.projects), task: rank(names.tasks), person: rank(names.users) };
  }

  /** The display name; '' for none, "#<id>" when the index does not know the id. */
  name(kind: NamedKind, id: number | null): string {
    if (id === null) return '';
    return this.sources[kind]?.get(id) ?? `#${id}`;
  }

  /** A total order: known names by collation, then unknown ids by id, then none. */
  rank(kind: NamedKind, id: number | null): number {
    if (id === null) return NONE_RANK;
    return this.ranks[kind].get(id) ?? UNKNOWN_BASE + id;
  }

  /** Named references for distinct ids, in rank order. */
  refs(kind: NamedKind, ids: readonly (number | null)[]): NamedRef[] {
    const refs = ids.map((id) => this.ref(kind, id));
    if (refs.length > 1) refs.sort((a, b) => this.rank(kind, a.id) - this.rank(kind, b.id));
    return refs;
  }

  private ref(kind: NamedKind, id: number | null): NamedRef {
    let ref = this.refCache[kind].get(id);
    if (ref === undefined) {
      ref = Object.freeze({ id, name: this.name(kind, id) });
      this.refCache[kind].set(id, ref);
    }
    return ref;
  }
}

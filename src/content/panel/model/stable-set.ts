/**
 * A computed set of ids that keeps its identity while its members stay the same. A saved
 * selection or record coming back from the background builds new arrays with the same ids;
 * returning the previous set then leaves every computed and view that reads it untouched.
 */
import { computed, type ReadonlySignal } from '@preact/signals';

export function sameMembers(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

export function stableSet(ids: () => Iterable<number>): ReadonlySignal<ReadonlySet<number>> {
  let last: ReadonlySet<number> = new Set();
  return computed(() => {
    const next = new Set(ids());
    if (!sameMembers(next, last)) last = next;
    return last;
  });
}

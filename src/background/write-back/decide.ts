/**
 * What to do with one queued wish, given the entry as Keeping has it right now
 * (docs/architecture.md, Keeping as the shared truth between installs). Pure: the runner reads, this decides, the
 * runner writes. Another invoice's mark (a colleague's Urenbrug install, or one of Keeping's own
 * invoicing integrations) is never joined by ours without the bookkeeper's confirmation.
 */
import {
  isUrenbrugReferenceId,
  KEEPING_INVOICE_REFERENCE_TYPES,
  URENBRUG_REFERENCE_TYPE,
} from '../../core/billing';
import type { Entry, ExternalReference } from '../../core/keeping-types';
import type { WriteBackConflict, WriteBackItem, WriteBackSkipReason } from '../db/database';

/** Keeping's limit on references per entry (docs/keeping-api.md, Writing references). */
export const MAX_REFERENCES = 10;

export type Decision =
  | { kind: 'already'; detail: string }
  | { kind: 'patch'; references: ExternalReference[] }
  | { kind: 'conflict'; conflict: Omit<WriteBackConflict, 'foundAt'> }
  | { kind: 'skip'; reason: WriteBackSkipReason; detail: string };

/** The references the entry should carry, or null when it already carries exactly those. */
export function wantedReferences(entry: Entry, item: WriteBackItem): ExternalReference[] | null {
  const present = entry.externalReferences.find((reference) => reference.id === item.reference.id);
  if (item.op === 'remove') {
    return present ? entry.externalReferences.filter((reference) => reference !== present) : null;
  }
  if (present && present.name === item.reference.name && present.type === item.reference.type) return null;
  // In place when renaming, so the other references keep their order; the rest are sent back
  // as they are, or the PATCH deletes them.
  return present
    ? entry.externalReferences.map((reference) => (reference === present ? item.reference : reference))
    : [...entry.externalReferences, item.reference];
}

/** The invoice number inside our reference's name ("Factuur 20260042 (Exact Online)"). */
function ourNumber(item: WriteBackItem): string | null {
  return /Factuur (\S+) \(Exact Online\)/.exec(item.reference.name)?.[1] ?? null;
}

/** Another invoice's mark on the entry: Keeping's own integrations first (they lock). */
export function otherInvoiceMark(entry: Entry, item: WriteBackItem): ExternalReference | null {
  const keeping = entry.externalReferences.find((reference) =>
    KEEPING_INVOICE_REFERENCE_TYPES.has(reference.type),
  );
  if (keeping) return keeping;
  return (
    entry.externalReferences.find(
      (reference) =>
        reference.type === URENBRUG_REFERENCE_TYPE &&
        isUrenbrugReferenceId(reference.id) &&
        reference.id !== item.reference.id,
    ) ?? null
  );
}

const labelOf = (reference: ExternalReference) =>
  reference.name.trim() === '' ? reference.id : reference.name;

export function decide(entry: Entry | null, item: WriteBackItem): Decision {
  if (!entry) return { kind: 'skip', reason: 'not_found', detail: 'not found in Keeping' };
  const wanted = wantedReferences(entry, item);
  if (wanted === null) return { kind: 'already', detail: 'already so' };

  const other = item.op === 'add' ? otherInvoiceMark(entry, item) : null;
  if (other && KEEPING_INVOICE_REFERENCE_TYPES.has(other.type)) {
    // Keeping's integration billed it on this very invoice: billed once, and marked as such.
    const number = ourNumber(item);
    if (number !== null && other.name.trim() === number) {
      return { kind: 'skip', reason: 'integration', detail: `billed by ${other.type} ${other.name}` };
    }
    // Confirmed, but Keeping locks what its integrations billed: nothing can be added.
    if (item.override) {
      return { kind: 'skip', reason: 'locked', detail: `locked: billed by ${other.type} ${other.name}` };
    }
    return {
      kind: 'conflict',
      conflict: { kind: 'keeping_invoice', referenceId: other.id, invoice: labelOf(other) },
    };
  }
  if (other && !item.override) {
    return {
      kind: 'conflict',
      conflict: { kind: 'urenbrug_reference', referenceId: other.id, invoice: labelOf(other) },
    };
  }
  if (entry.locked) {
    const billed = entry.externalReferences.find((reference) =>
      KEEPING_INVOICE_REFERENCE_TYPES.has(reference.type),
    );
    // Taking our mark off an entry Keeping's integration has since billed: it stays billed.
    if (billed)
      return { kind: 'skip', reason: 'integration', detail: `billed by ${billed.type} ${billed.name}` };
    return { kind: 'skip', reason: 'locked', detail: 'locked' };
  }
  if (wanted.length > MAX_REFERENCES) return { kind: 'skip', reason: 'full', detail: 'too many references' };
  return { kind: 'patch', references: wanted };
}

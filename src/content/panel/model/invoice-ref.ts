/**
 * Which invoice the panel works on. A saved invoice is its division and Exact's InvoiceID; a new
 * one gets a draft key kept in the frame's sessionStorage per division, so reloading the
 * new-invoice screen finds the same selection, until Exact saves it and the key is retired. A
 * screen that shows a saved invoice never uses a stored draft key: which save belongs to which
 * draft is exact/save-flag.ts's to say.
 */
import type { InvoiceRef } from '../../../shared/invoice-types';
import type { InvoiceScreen } from '../../exact/types';

const DRAFT_PREFIX = 'urenbrug.draft.';
const DRAFT_KEY = /^[0-9a-z]{8,64}$/i;

function randomKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

// Storage can be switched off or throw (privacy settings, sandboxed frames): then the draft
// lives as long as this frame's script (re-mounts included), which is correct, just less durable.
const memory = new Map<number, string>();

function readStored(storage: Storage | null, division: number): string | null {
  try {
    return storage?.getItem(`${DRAFT_PREFIX}${division}`) ?? null;
  } catch {
    return null;
  }
}

/** The draft key of the new invoice in this division, made and remembered on first use. */
export function draftKeyFor(
  division: number,
  storage: Storage | null,
  makeKey: () => string = randomKey,
): string {
  const stored = readStored(storage, division);
  if (stored && DRAFT_KEY.test(stored)) {
    memory.set(division, stored);
    return stored;
  }
  const key = memory.get(division) ?? makeKey();
  memory.set(division, key);
  try {
    storage?.setItem(`${DRAFT_PREFIX}${division}`, key);
  } catch {
    // See above: the in-memory key is used.
  }
  return key;
}

/** Retires the division's draft key once Exact saved the invoice, so the next new one starts fresh. */
export function forgetDraft(division: number, storage: Storage | null): void {
  memory.delete(division);
  try {
    storage?.removeItem(`${DRAFT_PREFIX}${division}`);
  } catch {
    // Nothing stored.
  }
}

/** The invoice reference for what the screen shows, or null without a division. */
export function refForScreen(
  screen: Pick<InvoiceScreen, 'division' | 'invoiceId'> | null,
  fallbackDivision: number | null,
  storage: Storage | null,
): InvoiceRef | null {
  const division = screen?.division ?? fallbackDivision;
  if (division === null) return null;
  if (screen?.invoiceId) return { division, invoiceId: screen.invoiceId.toLowerCase(), draftKey: null };
  return { division, invoiceId: null, draftKey: draftKeyFor(division, storage) };
}

/**
 * The link index: which invoice bills an entry, as this install knows it. Derived from the
 * invoice records through the multi-entry `by-entry` index, so it can never disagree with them.
 */

import type { LocalLinks } from '../../shared/invoice-types';
import type { StoredInvoice, UrenbrugDatabase } from '../db/database';

/**
 * Which invoice (of this organisation) bills each of these entries, as this install knows it.
 * A saved invoice wins over a draft, then the most recently changed one.
 */
export async function readLocalLinks(
  db: UrenbrugDatabase,
  organisationId: number,
  entryIds: readonly number[],
): Promise<LocalLinks> {
  // A bookkeeper has tens to hundreds of invoice records and a range has hundreds of entries:
  // one read of the records beats one index request per entry (measured in the panel bench).
  const wanted = new Set(entryIds);
  const best = new Map<number, StoredInvoice>();
  for (const record of await db.getAll('invoices')) {
    if (record.organisationId !== organisationId) continue;
    for (const entryId of record.linkedEntryIds) {
      if (!wanted.has(entryId)) continue;
      const current = best.get(entryId);
      if (!current || rank(record) > rank(current)) best.set(entryId, record);
    }
  }
  const links: LocalLinks = {};
  // An empty label: an unsaved draft, which the panel names in its own words.
  for (const [entryId, record] of best) {
    links[entryId] = { invoiceKey: record.key, invoiceLabel: record.invoiceNumber ?? '' };
  }
  return links;
}

function rank(record: StoredInvoice): number {
  return (record.invoiceId ? 1e15 : 0) + record.updatedAt;
}

/**
 * The link index: which invoice bills an entry, as this install knows it. Derived from the
 * invoice records through the multi-entry `by-entry` index, so it can never disagree with them.
 */
import type { StoredInvoice, UrenbrugDatabase } from '../shared/db';
import type { LocalLinks } from '../shared/invoice-types';

/**
 * Which invoice (of this organisation) bills each of these entries, as this install knows it.
 * A saved invoice wins over a draft, then the most recently changed one.
 */
export async function readLocalLinks(
  db: UrenbrugDatabase,
  organisationId: number,
  entryIds: readonly number[],
): Promise<LocalLinks> {
  const index = db.transaction('invoices').store.index('by-entry');
  const found = await Promise.all(entryIds.map((id) => index.getAll(id)));
  const links: LocalLinks = {};
  entryIds.forEach((entryId, position) => {
    let best: StoredInvoice | undefined;
    for (const record of found[position] ?? []) {
      if (record.organisationId !== organisationId) continue;
      if (!best || rank(record) > rank(best)) best = record;
    }
    // An empty label: an unsaved draft, which the panel names in its own words.
    if (best) links[entryId] = { invoiceKey: best.key, invoiceLabel: best.invoiceNumber ?? '' };
  });
  return links;
}

function rank(record: StoredInvoice): number {
  return (record.invoiceId ? 1e15 : 0) + record.updatedAt;
}

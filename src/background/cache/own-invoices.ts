/**
 * This install's invoice records as the Overzicht counts them: which entries they link, the
 * facts of their lines (for the revenue shares) and the reference ids of the saved ones.
 */
import { urenbrugReferenceId } from '../../core/billing';
import { quantityTextMinutes } from '../../core/report/quantity-text';
import type { InvoiceLineFacts } from '../../core/report/revenue-shares';
import type { StoredInvoice, UrenbrugDatabase } from '../db/database';

/** The reference id a saved invoice's entries carry in Keeping; drafts get a key of their own. */
function invoiceReference(record: StoredInvoice): string {
  return record.invoiceId ? urenbrugReferenceId(record.division, record.invoiceId) : `draft:${record.key}`;
}

/** This organisation's records: entry id → invoice label, line facts, and the saved invoices. */
export async function ownRecords(db: UrenbrugDatabase, organisationId: number) {
  const localLinks = new Map<number, string>();
  const lines: InvoiceLineFacts[] = [];
  const ownInvoices = new Set<string>();
  for (const record of await db.getAll('invoices')) {
    if (record.organisationId !== organisationId) continue;
    const referenceId = invoiceReference(record);
    // Only a saved invoice's amounts count as revenue; a draft's lines may still change.
    if (record.invoiceId) ownInvoices.add(referenceId);
    const label = record.invoiceNumber ?? '';
    for (const entryId of record.linkedEntryIds) {
      const current = localLinks.get(entryId);
      if (current === undefined || (record.invoiceId && current === '')) localLinks.set(entryId, label);
    }
    for (const line of record.lines) {
      lines.push({
        referenceId,
        division: record.division,
        entryIds: line.entryIds,
        amountCents: line.amountCents,
        minutes: line.minutes,
        billedMinutes: quantityTextMinutes(line.quantityText),
      });
    }
  }
  return { localLinks, lines, ownInvoices };
}

/** The reference ids of this install's saved invoices: their revenue is known from their lines. */
export async function ownInvoiceReferences(
  db: UrenbrugDatabase,
  organisationId: number,
): Promise<Set<string>> {
  return (await ownRecords(db, organisationId)).ownInvoices;
}

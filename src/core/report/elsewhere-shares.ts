/**
 * The period's entries on invoices made elsewhere, each with its share of what Exact keeps for
 * that invoice (elsewhere-revenue.ts), and per invoice why its revenue is not known where it is not.
 */
import { billingReferenceOf } from '../billing';
import type { Entry } from '../keeping-types';
import {
  amountForInvoice,
  type ElsewhereFacts,
  elsewhereInvoice,
  type PeriodEntry,
  periodShares,
  type UnknownReason,
} from './elsewhere-revenue';
import type { RevenueShare } from './revenue-shares';

export interface ElsewhereShares {
  /** Entry id → its share of the invoice its billing reference names. */
  shares: Map<number, RevenueShare>;
  /** Reference id → why that invoice's revenue is not known. */
  unknown: Map<string, UnknownReason>;
  /** Reference ids whose revenue comes from Exact. */
  known: Set<string>;
}

export function elsewhereShares(
  entries: Iterable<Entry>,
  /** Reference ids of this install's saved invoices: their lines are known, not read from Exact. */
  ownInvoices: ReadonlySet<string>,
  facts: ElsewhereFacts,
): ElsewhereShares {
  const byReference = new Map<
    string,
    { entries: PeriodEntry[]; reference: Entry['externalReferences'][number] }
  >();
  for (const entry of entries) {
    const reference = billingReferenceOf(entry);
    if (reference === null || ownInvoices.has(reference.id)) continue;
    const group = byReference.get(reference.id) ?? { entries: [], reference };
    group.entries.push({ id: entry.id, date: entry.date, minutes: entry.minutes });
    byReference.set(reference.id, group);
  }
  const result: ElsewhereShares = { shares: new Map(), unknown: new Map(), known: new Set() };
  const totals = new Map(facts.totals.map((total) => [total.referenceId, total]));
  for (const [referenceId, group] of byReference) {
    const invoice = elsewhereInvoice(group.reference);
    const amount = invoice
      ? amountForInvoice(invoice, facts)
      : ({ known: false, reason: 'no-number' } as const);
    const period = amount.known
      ? periodShares(amount.amount, totals.get(referenceId), group.entries)
      : amount;
    if (!period.known) {
      result.unknown.set(referenceId, period.reason);
      continue;
    }
    result.known.add(referenceId);
    for (const [entryId, revenueCents] of period.cents) {
      result.shares.set(entryId, {
        referenceId,
        division: period.division,
        revenueCents,
        billedMinutes: null,
      });
    }
  }
  return result;
}

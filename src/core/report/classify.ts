/**
 * Turns Keeping entries into the Overzicht's report entries: the client through the project,
 * billed status from every source (core/billing.ts), and revenue where this install filled the
 * invoice's lines itself or, for an invoice made elsewhere, where Exact's amount is known
 * (elsewhere-shares.ts). Breaks are left out, as Keeping's own report leaves them out.
 */
import { billedBy, isUrenbrugReferenceId, URENBRUG_REFERENCE_TYPE } from '../billing';
import type { Entry } from '../keeping-types';
import type { ReportBilling, ReportEntry } from './report-entry';
import type { RevenueShare } from './revenue-shares';

export interface ClassifyContext {
  /** Project id → its client id (null: a project without client). */
  projectClient: ReadonlyMap<number, number | null>;
  /** Entry id → invoice label, for entries this install linked. */
  localLinks: ReadonlyMap<number, string>;
  /** Entry id → its share of this install's invoice lines. */
  shares: ReadonlyMap<number, RevenueShare>;
  /** Urenbrug reference ids of this install's invoices that hold revenue (their lines are known). */
  ownInvoices: ReadonlySet<string>;
  /** Entry id → its share of an invoice made elsewhere, from Exact's amount. */
  elsewhere?: ReadonlyMap<number, RevenueShare>;
}

function urenbrugReferenceOf(entry: Entry): string | null {
  const reference = entry.externalReferences.find(
    (candidate) => candidate.type === URENBRUG_REFERENCE_TYPE && isUrenbrugReferenceId(candidate.id),
  );
  return reference?.id ?? null;
}

function billingOf(entry: Entry, context: ClassifyContext): ReportBilling | null {
  const by = billedBy(entry, context.localLinks);
  if (by === null) return null;
  const share = context.shares.get(entry.id);
  // Keeping's own integration made the invoice: its amounts are not ours to know.
  const ours =
    share !== undefined &&
    (by.kind === 'local_link' ||
      (by.kind === 'urenbrug_reference' && urenbrugReferenceOf(entry) === share.referenceId));
  if (ours && context.ownInvoices.has(share.referenceId)) {
    return {
      source: by.kind,
      invoice: by.invoice,
      revenueCents: share.revenueCents,
      billedMinutes: share.billedMinutes,
      division: share.division,
    };
  }
  const elsewhere = by.kind === 'local_link' ? undefined : context.elsewhere?.get(entry.id);
  if (elsewhere !== undefined) {
    return {
      source: by.kind,
      invoice: by.invoice,
      revenueCents: elsewhere.revenueCents,
      billedMinutes: null,
      division: elsewhere.division,
    };
  }
  return { source: by.kind, invoice: by.invoice, revenueCents: null, billedMinutes: null };
}

export function toReportEntry(entry: Entry, context: ClassifyContext): ReportEntry | null {
  if (entry.purpose === 'break') return null;
  const clientId = entry.projectId === null ? null : (context.projectClient.get(entry.projectId) ?? null);
  return {
    id: entry.id,
    date: entry.date,
    clientId,
    projectId: entry.projectId,
    taskId: entry.taskId,
    userId: entry.userId,
    minutes: entry.minutes,
    direct: entry.isDirect,
    billing: billingOf(entry, context),
  };
}

export function toReportEntries(entries: Iterable<Entry>, context: ClassifyContext): ReportEntry[] {
  const out: ReportEntry[] = [];
  for (const entry of entries) {
    const reportEntry = toReportEntry(entry, context);
    if (reportEntry !== null) out.push(reportEntry);
  }
  return out;
}

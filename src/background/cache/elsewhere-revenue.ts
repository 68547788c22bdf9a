/**
 * What the worker keeps of invoices made elsewhere (docs/architecture.md, Revenue of invoices made
 * elsewhere): Exact's amounts by division and number, as a panel read them with Exact's session,
 * and Keeping's total minutes per reference, as the worker reads them with the token. One record
 * of the `fetches` store per organisation (a few hundred invoices), wiped with the Keeping cache.
 *
 * The panel may only report numbers the worker asked for at that moment (`wantedNumbers`): a page
 * cannot plant amounts for invoices no entry names, and an amount counts only when it matches the
 * reference (core/report/elsewhere-revenue.ts), so a colleague's invoice in another division is
 * never taken for ours. What it can still claim is the amount of a wanted number: that is what
 * Exact's page showed it, and the Overzicht says where the figure came from.
 */
import { addDays } from '../../core/calendar';
import { formatYmd, parseYmd } from '../../core/period';
import {
  amountForInvoice,
  type ElsewhereFacts,
  type ExactInvoiceAmount,
  elsewhereInvoice,
  type ReferenceTotal,
  WANTED_PER_PANEL,
} from '../../core/report/elsewhere-revenue';
import type { RevenueReport } from '../../shared/messages';
import type { UrenbrugDatabase } from '../db/database';
import type { BackgroundClient } from '../dependencies';
import { ownInvoiceReferences } from './own-invoices';

/** An answer (found, not found, or still open) is asked again after a day. */
const AMOUNT_TTL_MS = 24 * 3_600_000;
/** Keeping's total of a processed invoice's hours is read again after a week (hours may be linked later). */
const TOTAL_TTL_MS = 7 * 24 * 3_600_000;
/** Reference ids per grouped `/report` call, so the query stays a few kilobytes. */
const IDS_PER_REPORT = 40;

const factsKey = (organisationId: number) => `elsewhere:${organisationId}`;

export async function readElsewhere(db: UrenbrugDatabase, organisationId: number): Promise<ElsewhereFacts> {
  const record = await db.get('fetches', factsKey(organisationId));
  return record?.elsewhere ?? { amounts: [], totals: [] };
}

async function updateElsewhere(
  db: UrenbrugDatabase,
  organisationId: number,
  change: (facts: ElsewhereFacts) => ElsewhereFacts,
  now: number,
): Promise<ElsewhereFacts> {
  const tx = db.transaction('fetches', 'readwrite');
  const record = await tx.store.get(factsKey(organisationId));
  const next = change(record?.elsewhere ?? { amounts: [], totals: [] });
  await tx.store.put({ fetchedAt: now, elsewhere: next }, factsKey(organisationId));
  await tx.done;
  return next;
}

const amountKey = (amount: Pick<ExactInvoiceAmount, 'division' | 'invoiceNumber'>) =>
  `${amount.division}:${amount.invoiceNumber}`;

/** The billing references of every cached Overzicht period and panel line of the organisation. */
async function cachedBillingReferences(db: UrenbrugDatabase, organisationId: number) {
  const prefix = `overview:${organisationId}:`;
  const records = await db.getAll('fetches', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  const byId = new Map<string, NonNullable<ReturnType<typeof elsewhereInvoice>>>();
  for (const record of records) {
    for (const reference of record.overview?.references ?? []) {
      const invoice = elsewhereInvoice(reference);
      if (invoice?.invoiceNumber != null && !byId.has(reference.id)) byId.set(reference.id, invoice);
    }
  }
  return byId;
}

/**
 * The invoice numbers a panel in `division` should read: those of cached references whose
 * revenue is not settled (no processed amount matched, or Keeping's total of its hours missing or
 * old) and not asked in this division within the last day. Newest references first, at most 100.
 */
export async function wantedNumbers(
  db: UrenbrugDatabase,
  organisationId: number,
  division: number,
  now: number,
): Promise<number[]> {
  const [invoices, facts, own] = await Promise.all([
    cachedBillingReferences(db, organisationId),
    readElsewhere(db, organisationId),
    ownInvoiceReferences(db, organisationId),
  ]);
  const askedHere = new Map(
    facts.amounts.filter((a) => a.division === division).map((a) => [a.invoiceNumber, a.readAt]),
  );
  const totals = new Map(facts.totals.map((total) => [total.referenceId, total.readAt]));
  const wanted = new Set<number>();
  for (const [referenceId, invoice] of [...invoices].reverse()) {
    const number = invoice.invoiceNumber;
    if (number === null || own.has(referenceId) || wanted.has(number)) continue;
    const settled =
      amountForInvoice(invoice, facts).known && now - (totals.get(referenceId) ?? -Infinity) < TOTAL_TTL_MS;
    const askedRecently = now - (askedHere.get(number) ?? -Infinity) < AMOUNT_TTL_MS;
    if (!settled && !askedRecently) wanted.add(number);
    if (wanted.size === WANTED_PER_PANEL) break;
  }
  return [...wanted];
}

export interface ReportDeps {
  db: UrenbrugDatabase;
  organisationId: number;
  now: () => number;
  /** Keeping's today in the organisation's zone. */
  today: () => Promise<string>;
  /** Null for a team member: Keeping totals only their own hours, not the invoice's. */
  client: () => Promise<Pick<BackgroundClient, 'report'> | null>;
}

/**
 * Takes a panel's answer for numbers it was asked (anything else is left out and counted), then
 * reads Keeping's total minutes of the references that now have a processed amount. A failed
 * Keeping read keeps the amounts; their revenue stays unknown until the next panel's answer.
 */
export async function acceptRevenueReport(
  deps: ReportDeps,
  report: RevenueReport,
): Promise<{ stored: number; refused: number }> {
  const { db, organisationId } = deps;
  const now = deps.now();
  const wanted = new Set(await wantedNumbers(db, organisationId, report.division, now));
  const answered = new Map<string, ExactInvoiceAmount>();
  for (const found of report.found) {
    if (!wanted.has(found.invoiceNumber)) continue;
    const amount = {
      ...found,
      division: report.division,
      invoiceId: found.invoiceId.toLowerCase(),
      readAt: now,
    };
    answered.set(amountKey(amount), amount);
  }
  for (const invoiceNumber of report.missing) {
    const amount = {
      division: report.division,
      invoiceNumber,
      invoiceId: null,
      revenueCents: 0,
      status: 0,
      readAt: now,
    };
    if (wanted.has(invoiceNumber) && !answered.has(amountKey(amount)))
      answered.set(amountKey(amount), amount);
  }
  const facts = await updateElsewhere(
    db,
    organisationId,
    (old) => ({
      amounts: [...old.amounts.filter((amount) => !answered.has(amountKey(amount))), ...answered.values()],
      totals: old.totals,
    }),
    now,
  );
  await readTotals(deps, facts, now).catch(() => {
    // Keeping refused or is unreachable: the amounts wait for their totals.
  });
  return { stored: answered.size, refused: report.found.length + report.missing.length - answered.size };
}

async function readTotals(deps: ReportDeps, facts: ElsewhereFacts, now: number): Promise<void> {
  const invoices = await cachedBillingReferences(deps.db, deps.organisationId);
  const fresh = new Map(facts.totals.map((total) => [total.referenceId, total.readAt]));
  const due = [...invoices]
    .filter(
      ([id, invoice]) =>
        amountForInvoice(invoice, facts).known && now - (fresh.get(id) ?? -Infinity) >= TOTAL_TTL_MS,
    )
    .map(([id]) => id);
  if (due.length === 0) return;
  const client = await deps.client();
  if (!client?.report) return;
  const to = await deps.today();
  const from = formatYmd(addDays(parseYmd(to) ?? new Date(now), -365));
  const totals: ReferenceTotal[] = [];
  for (let i = 0; i < due.length; i += IDS_PER_REPORT) {
    const ids = due.slice(i, i + IDS_PER_REPORT);
    const answer = await client.report(deps.organisationId, {
      from,
      to,
      rowType: 'external_reference',
      externalReferenceIds: ids,
    });
    const minutes = new Map(answer.rows.map((row) => [row.id, Math.round(row.hours * 60)]));
    // An id Keeping has no row for holds no hours in the window: zero, not unknown.
    for (const referenceId of ids) {
      totals.push({ referenceId, minutes: minutes.get(referenceId) ?? 0, from, to, readAt: now });
    }
  }
  const read = new Set(totals.map((total) => total.referenceId));
  await updateElsewhere(
    deps.db,
    deps.organisationId,
    (old) => ({
      amounts: old.amounts,
      totals: [...old.totals.filter((t) => !read.has(t.referenceId)), ...totals],
    }),
    now,
  );
}

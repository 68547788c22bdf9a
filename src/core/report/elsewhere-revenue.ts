/**
 * Revenue of invoices this install did not make — a colleague's Urenbrug or Keeping's own Exact
 * integration — from what Exact keeps (docs/architecture.md, Revenue of invoices made elsewhere):
 * the invoice's `AmountFCExclVat` by number, read by a panel with Exact's session, and its hours as
 * Keeping totals them by reference. An invoice counts only when the amount surely belongs to the
 * reference (below) and Exact has processed it (`Status` 50: it can no longer change); its amount
 * is spread over its hours, so a period holds the part of the invoice it worked. Everything else
 * stays "revenue unknown", never estimated.
 */
import { urenbrugReferenceId } from '../billing';
import { mulDivRounded } from '../integer-math';
import type { ExternalReference } from '../keeping-types';
import { spreadByWeight } from './revenue-shares';

/** The only Keeping integration whose invoices live in Exact. */
export const EXACT_INVOICE_REFERENCE_TYPE = 'exact_online_invoice';
export const STATUS_FINAL = 50;
/** At most this many numbers one panel is asked to read: 5 of Exact's calls at 20 a call. */
export const WANTED_PER_PANEL = 100;
/** `InvoiceNumber` is an Int32 in Exact's REST API. */
const MAX_INVOICE_NUMBER = 2_147_483_647;

/** What Exact answered for one invoice number in one division; `invoiceId` null: no such invoice. */
export interface ExactInvoiceAmount {
  division: number;
  invoiceNumber: number;
  invoiceId: string | null;
  /** Excl. VAT, in cents, negative for a credit note. */
  revenueCents: number;
  status: number;
  readAt: number;
}

/** The minutes Keeping holds on one reference over a window of days. */
export interface ReferenceTotal {
  referenceId: string;
  minutes: number;
  from: string;
  to: string;
  readAt: number;
}

export interface ElsewhereFacts {
  amounts: readonly ExactInvoiceAmount[];
  totals: readonly ReferenceTotal[];
}

export interface ElsewhereInvoice {
  reference: ExternalReference;
  kind: 'urenbrug' | 'keeping';
  invoiceNumber: number | null;
}

export type UnknownReason =
  /** Keeping's reference of another package (Moneybird, Twinfield…), or no number in its name. */
  | 'no-number'
  /** No panel has read it from Exact yet (or Exact does not know it in any division read). */
  | 'not-read'
  /** In Exact, but not yet processed: the amount can still change. */
  | 'not-final'
  /** The number exists in more than one division and the reference does not say which. */
  | 'ambiguous'
  /** Keeping's total of its hours is missing, or does not cover this period's hours. */
  | 'no-total';

export type ElsewhereAmount =
  | { known: true; amount: ExactInvoiceAmount }
  | { known: false; reason: UnknownReason };

function invoiceNumberIn(text: string): number | null {
  const runs = text.match(/\d+/g);
  if (runs?.length !== 1) return null;
  const value = Number(runs[0]);
  return Number.isSafeInteger(value) && value > 0 && value <= MAX_INVOICE_NUMBER ? value : null;
}

/**
 * The invoice an entry's billing reference names, when it is one Exact can be asked about. Our
 * own reference is named "Factuur 20260042 (Exact Online)"; what Keeping's integration names its
 * reference is not published, so any name holding exactly one run of digits is read as the number.
 */
export function elsewhereInvoice(reference: ExternalReference): ElsewhereInvoice | null {
  if (reference.type === EXACT_INVOICE_REFERENCE_TYPE) {
    return { reference, kind: 'keeping', invoiceNumber: invoiceNumberIn(reference.name) };
  }
  if (reference.type === 'generic_work_reference') {
    const number = /^Factuur (\d+) \(Exact Online\)$/.exec(reference.name.trim())?.[1];
    return { reference, kind: 'urenbrug', invoiceNumber: number ? invoiceNumberIn(number) : null };
  }
  return null;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What a reference's URL says about its invoice, where it says anything (Exact's own links). */
function urlClaims(url: string | null): { division: number | null; invoiceId: string | null } {
  if (!url) return { division: null, invoiceId: null };
  const division = /[?&]_Division_=(\d+)/i.exec(url)?.[1] ?? /\/api\/v1\/(\d+)\//.exec(url)?.[1];
  return {
    division: division ? Number(division) : null,
    invoiceId: GUID.exec(decodeURIComponent(url))?.[0].toLowerCase() ?? null,
  };
}

/**
 * Which of Exact's answers is this reference's invoice. Ours is bound to one division and invoice
 * by its id (a hash of both, core/billing.ts), so only that invoice matches. Keeping's says only
 * a number: it matches in the one division that has it, unless its URL names another division or
 * invoice; a number found in two divisions is ambiguous rather than guessed.
 */
export function amountForInvoice(invoice: ElsewhereInvoice, facts: ElsewhereFacts): ElsewhereAmount {
  if (invoice.invoiceNumber === null) return { known: false, reason: 'no-number' };
  const found = facts.amounts.filter(
    (amount) => amount.invoiceNumber === invoice.invoiceNumber && amount.invoiceId !== null,
  );
  let matches: ExactInvoiceAmount[];
  if (invoice.kind === 'urenbrug') {
    matches = found.filter(
      (amount) => urenbrugReferenceId(amount.division, amount.invoiceId ?? '') === invoice.reference.id,
    );
  } else {
    const claims = urlClaims(invoice.reference.url);
    matches = found.filter(
      (amount) =>
        (claims.division === null || claims.division === amount.division) &&
        (claims.invoiceId === null || claims.invoiceId === amount.invoiceId),
    );
  }
  if (matches.length === 0) return { known: false, reason: 'not-read' };
  if (matches.length > 1) return { known: false, reason: 'ambiguous' };
  const [amount] = matches as [ExactInvoiceAmount];
  return amount.status === STATUS_FINAL ? { known: true, amount } : { known: false, reason: 'not-final' };
}

/** Keeping's totals round decimal hours; a few minutes' drift over many entries is not a gap. */
function sameMinutes(a: number, b: number, entries: number): boolean {
  return Math.abs(a - b) <= 1 + Math.ceil(entries * 0.003);
}

export interface PeriodEntry {
  id: number;
  date: string;
  minutes: number;
}

export type PeriodShares =
  | { known: true; division: number; cents: Map<number, number> }
  | { known: false; reason: UnknownReason };

/**
 * The invoice's amount over this period's entries on it: the part of the invoice their minutes
 * are of Keeping's total, spread by minutes, largest remainder first, so the entries sum to it.
 * When the total does not cover them (read over another window, or fewer minutes than the
 * period holds) the period's part is not known.
 */
export function periodShares(
  amount: ExactInvoiceAmount,
  total: ReferenceTotal | undefined,
  entries: readonly PeriodEntry[],
): PeriodShares {
  if (!total) return { known: false, reason: 'no-total' };
  const minutes = entries.reduce((sum, entry) => sum + entry.minutes, 0);
  const covered = entries.every((entry) => entry.date >= total.from && entry.date <= total.to);
  const whole = sameMinutes(minutes, total.minutes, entries.length);
  if (!covered || (minutes > total.minutes && !whole)) return { known: false, reason: 'no-total' };
  const part = whole ? amount.revenueCents : mulDivRounded(amount.revenueCents, minutes, total.minutes);
  const spread = spreadByWeight(
    part,
    entries.map((entry) => entry.minutes),
  );
  return {
    known: true,
    division: amount.division,
    cents: new Map(entries.map((entry, index) => [entry.id, spread[index] ?? 0])),
  };
}

/**
 * What the Exact panel and the background exchange about one invoice: the bookkeeper's
 * selection, the lines Urenbrug wrote (fingerprints), and the hours linked to it. Stored in
 * IndexedDB per invoice so they survive reloads and service-worker restarts.
 */
import type { QuantityPrecision } from '../core/exact-rules';
import type { Grouping } from '../core/grouping';
import type { PeriodChoice } from '../core/period';
import type { RoundingOptions } from '../core/rounding';

/**
 * Identifies an invoice across page loads: the Exact division plus the saved invoice's id, or,
 * before the first save, a draft key the panel makes up and keeps in the page's session.
 */
export interface InvoiceRef {
  division: number;
  /** Exact's InvoiceID (GUID without braces, lower case) once saved. */
  invoiceId: string | null;
  /** Set while the invoice has no id yet. */
  draftKey: string | null;
}

/** `<division>:<invoiceId>` or `<division>:draft:<draftKey>`. */
export function invoiceKey(ref: InvoiceRef): string {
  if (ref.invoiceId) return `${ref.division}:${ref.invoiceId.toLowerCase()}`;
  if (ref.draftKey) return `${ref.division}:draft:${ref.draftKey}`;
  throw new Error('An invoice reference needs an invoice id or a draft key');
}

/** The panel's choices for one invoice, restored when the invoice is opened again. */
export interface InvoiceSelection {
  keepingClientId: number | null;
  period: PeriodChoice;
  hours: 'direct' | 'all';
  /** null: all of the client's projects / all people. */
  projectIds: number[] | null;
  userIds: number[] | null;
  includeBilled: boolean;
  /** Entries the bookkeeper unticked; everything else in scope is selected. */
  excludedEntryIds: number[];
  /** Already-billed entries the bookkeeper explicitly confirmed to bill again. */
  confirmedBilledEntryIds: number[];
  grouping: Grouping;
  rounding: RoundingOptions;
  template: string;
}

/** One invoice line Urenbrug wrote into Exact's grid: enough to find and verify it again. */
export interface FilledLine {
  /** The plan's line key (grouping key); stable for the same selection. */
  lineKey: string;
  /** Exact's row id (`grd_r3`) at the time of writing. */
  rowId: string;
  entryIds: number[];
  itemCode: string;
  description: string;
  /** As typed into Exact ("38,25"). */
  quantityText: string;
  unitPriceCents: number;
  amountCents: number;
  minutes: number;
  /** Hash of what was written (item, description, quantity, price, notes): a changed row no longer matches. */
  hash: string;
  writtenAt: number;
}

export interface InvoiceRecord extends InvoiceRef {
  key: string;
  /** Exact's invoice number once saved ("20260042"). */
  invoiceNumber: string | null;
  selection: InvoiceSelection | null;
  lines: FilledLine[];
  /** Every entry billed on this invoice (lines and one-click associations). */
  linkedEntryIds: number[];
  /**
   * The Keeping client whose hours this invoice bills, set by the first fill or link; every
   * linked entry is one of its entries.
   */
  keepingClientId: number | null;
  /**
   * Counts the changes to what the invoice bills (fills, links, unlinks, the save). A change
   * names the revision it was made against; a stale one is refused, so two tabs on one invoice
   * never undo each other's work silently. 0 for an invoice without a record.
   */
  revision: number;
  updatedAt: number;
}

/** Exact customer ↔ Keeping client, remembered per division. */
export interface ClientMapping {
  division: number;
  /** Exact's customer code as shown (trimmed; Exact pads it with spaces). */
  exactCustomerCode: string;
  exactCustomerName: string;
  keepingClientId: number;
}

/** Rates and item codes remembered per organisation (Keeping has no rates in its API). */
export interface LineDefaults {
  defaultRateCents: number;
  defaultItemCode: string;
  /** Keyed like core/rates.ts `rateKey()`. */
  rules: Record<string, { rateCents?: number | null; itemCode?: string | null }>;
}

/**
 * How many decimals of a quantity one division's administration keeps (docs/exact-online.md,
 * Quantity precision): set by the bookkeeper, or detected from what Exact kept after a write.
 */
export interface QuantityPrecisionSetting {
  division: number;
  decimals: QuantityPrecision;
  source: 'default' | 'setting' | 'detected';
}

/** entry id → the invoice it is billed on, for entries this install linked. */
export type LocalLinks = Record<number, { invoiceKey: string; invoiceLabel: string }>;

/**
 * An invoice record as the background keeps it (and a back-up carries it): the record the panel
 * sees, plus what only the background needs.
 */
export interface StoredInvoice extends InvoiceRecord {
  organisationId: number;
  /**
   * Entries linked with one click (`invoice.link`), kept apart from the filled lines' entries so
   * that refilling the lines does not drop them. `linkedEntryIds` is always the union of both.
   */
  associatedEntryIds: number[];
  /**
   * Entries this install asked Keeping to mark as billed on this (saved) invoice. When the invoice
   * is saved again without some of them, their marks are taken off.
   */
  markedEntryIds: number[];
}

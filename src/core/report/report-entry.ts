/**
 * One Keeping entry as the Overzicht counts it: who, where, how long, direct or not, and whether
 * it is billed, by what and with how much revenue (docs/architecture.md, Keeping as the shared truth
 * between installs). Revenue and billed quantity are null when this install does not know them
 * (an invoice known only by reference): they are then counted apart, never estimated.
 */
import type { BilledBy } from '../billing';

export type BilledSource = BilledBy['kind'];

export const BILLED_SOURCES: readonly BilledSource[] = [
  'keeping_invoice',
  'urenbrug_reference',
  'local_link',
];

export interface ReportBilling {
  source: BilledSource;
  /** Which invoice, as the reference or record names it (one invoice, one label). */
  invoice: string;
  /** The revenue excl. VAT this entry carries of its invoice line; null: unknown. */
  revenueCents: number | null;
  /** The billed quantity this entry carries of its line, in minutes; null: unknown. */
  billedMinutes: number | null;
  /** The Exact division (administration) of the invoice whose revenue is known; absent otherwise. */
  division?: number;
}

export interface ReportEntry {
  id: number;
  /** Keeping's `date`: the day the entry belongs to, whatever its start and end. */
  date: string;
  clientId: number | null;
  projectId: number | null;
  taskId: number | null;
  userId: number;
  minutes: number;
  direct: boolean;
  billing: ReportBilling | null;
}

/** One month of Keeping's grouped `/report` (row type month), in minutes. */
export interface MonthTotal {
  /** "2026-09" */
  month: string;
  minutes: number;
  /** null below Keeping's Plus plan. */
  directMinutes: number | null;
}

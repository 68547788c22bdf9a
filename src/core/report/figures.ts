/**
 * The Overzicht's figures from entries: hours worked, direct vs indirect, billed vs unbilled of
 * the direct hours (and the unbilled ones by age), revenue, revenue per billed hour, the unbilled
 * value at the remembered rates and the rounding uplift. Every figure is a sum of integers per
 * entry, so billed + unbilled = direct to the minute and every breakdown sums to its total to
 * the cent; revenue that is unknown is counted apart and never changes a known figure.
 */
import { mulDivRounded } from '../integer-math';
import { amountCents } from '../money';
import { type RateBook, resolveRate } from '../rates';
import type { BilledSource, ReportEntry } from './report-entry';
import { monthOf, monthsBefore } from './report-period';

export interface Figures {
  workedMinutes: number;
  directMinutes: number;
  indirectMinutes: number;
  billedMinutes: number;
  unbilledMinutes: number;
  /** Unbilled direct minutes by the age of their month against today's. */
  unbilledByAge: { thisMonth: number; oneToThreeMonths: number; older: number };
  /** Billed direct minutes per source of "billed". */
  billedBySource: Record<BilledSource, number>;
  /** Revenue excl. VAT of the billed entries whose revenue is known. */
  revenueCents: number;
  /** Billed minutes whose revenue is known (the divisor of revenue per billed hour). */
  revenueMinutes: number;
  /** Billed entries whose revenue is unknown: their invoices and minutes. */
  unknownRevenueInvoices: number;
  unknownRevenueMinutes: number;
  /** Unbilled direct minutes at their remembered (or the default) rate. */
  unbilledValueCents: number;
  /** Unbilled direct minutes without any rate: not valued, never guessed. */
  noRateMinutes: number;
  /** Billed quantity minus minutes worked, where the billed quantity is known. */
  roundingMinutes: number;
  /** Line amounts minus the worked minutes at the line's own rate. */
  roundingCents: number;
}

export interface FigureOptions {
  /** Keeping's today (Y-m-d), for the unbilled hours' age. */
  today: string;
  rates: RateBook;
}

export function emptyFigures(): Figures {
  return {
    workedMinutes: 0,
    directMinutes: 0,
    indirectMinutes: 0,
    billedMinutes: 0,
    unbilledMinutes: 0,
    unbilledByAge: { thisMonth: 0, oneToThreeMonths: 0, older: 0 },
    billedBySource: { keeping_invoice: 0, urenbrug_reference: 0, local_link: 0 },
    revenueCents: 0,
    revenueMinutes: 0,
    unknownRevenueInvoices: 0,
    unknownRevenueMinutes: 0,
    unbilledValueCents: 0,
    noRateMinutes: 0,
    roundingMinutes: 0,
    roundingCents: 0,
  };
}

/** What one entry adds that depends on today and the rates: worked out once, added at every level. */
export interface EntryPrep {
  /** 0: this month, 1: one to three months old, 2: older. */
  age: 0 | 1 | 2;
  /** The unbilled value at its rate, or null without a rate. */
  valueCents: number | null;
}

/**
 * Works out each entry's age and value once, with the rate per project/task pair and the age per
 * month remembered: a year of a big firm has 50,000 entries but a few hundred pairs and twelve
 * months, and every entry is added at five levels (total, month, client, project, leaf).
 */
export class EntryPreparer {
  private readonly rates = new Map<string, number>();
  private readonly ages = new Map<string, 0 | 1 | 2>();

  constructor(private readonly options: FigureOptions) {}

  prepare(entry: ReportEntry): EntryPrep {
    const month = monthOf(entry.date);
    let age = this.ages.get(month);
    if (age === undefined) {
      const before = monthsBefore(month, this.options.today);
      age = before <= 0 ? 0 : before <= 3 ? 1 : 2;
      this.ages.set(month, age);
    }
    if (!entry.direct || entry.billing !== null) return { age, valueCents: null };
    const key = `${entry.projectId}:${entry.taskId}`;
    let rate = this.rates.get(key);
    if (rate === undefined) {
      rate = resolveRate(this.options.rates, entry.projectId, entry.taskId).rateCents;
      this.rates.set(key, rate);
    }
    return { age, valueCents: rate > 0 ? amountCents(entry.minutes, rate) : null };
  }
}

/** An accumulator: add prepared entries (or cells) one by one, then read the figures. */
export class FigureSum {
  readonly figures = emptyFigures();
  /** The invoices whose revenue is unknown, so each counts once however many entries carry it. */
  readonly unknownInvoices = new Set<string>();

  /**
   * Adds an entry whose age and value were worked out already (the same prep for every level).
   * `countRevenue` false (its division is filtered out) keeps its hours but not its revenue.
   */
  addPrepared(entry: ReportEntry, prep: EntryPrep, countRevenue = true): void {
    const f = this.figures;
    f.workedMinutes += entry.minutes;
    if (!entry.direct) {
      f.indirectMinutes += entry.minutes;
      return;
    }
    f.directMinutes += entry.minutes;
    const billing = entry.billing;
    if (billing === null) {
      f.unbilledMinutes += entry.minutes;
      if (prep.age === 0) f.unbilledByAge.thisMonth += entry.minutes;
      else if (prep.age === 1) f.unbilledByAge.oneToThreeMonths += entry.minutes;
      else f.unbilledByAge.older += entry.minutes;
      if (prep.valueCents !== null) f.unbilledValueCents += prep.valueCents;
      else f.noRateMinutes += entry.minutes;
      return;
    }
    f.billedMinutes += entry.minutes;
    f.billedBySource[billing.source] += entry.minutes;
    if (billing.revenueCents === null) {
      f.unknownRevenueMinutes += entry.minutes;
      if (!this.unknownInvoices.has(billing.invoice)) {
        this.unknownInvoices.add(billing.invoice);
        f.unknownRevenueInvoices += 1;
      }
    } else if (countRevenue) {
      f.revenueCents += billing.revenueCents;
      f.revenueMinutes += entry.minutes;
      if (billing.billedMinutes !== null) {
        f.roundingMinutes += billing.billedMinutes - entry.minutes;
        // The line's own rate is its amount per billed minute; the uplift is what the rounding earned.
        f.roundingCents +=
          billing.billedMinutes > 0
            ? billing.revenueCents - mulDivRounded(billing.revenueCents, entry.minutes, billing.billedMinutes)
            : 0;
      }
    }
  }

  /** Adds the figures of a cell (core/report/cells.ts) as `addPrepared` would have added its entries. */
  addCell(
    values: readonly number[],
    at: number,
    unknownInvoices: readonly string[] | null,
    countRevenue: boolean,
  ) {
    const f = this.figures;
    f.workedMinutes += values[at] ?? 0;
    f.directMinutes += values[at + 1] ?? 0;
    f.indirectMinutes += values[at + 2] ?? 0;
    f.billedMinutes += values[at + 3] ?? 0;
    f.unbilledMinutes += values[at + 4] ?? 0;
    f.unbilledByAge.thisMonth += values[at + 5] ?? 0;
    f.unbilledByAge.oneToThreeMonths += values[at + 6] ?? 0;
    f.unbilledByAge.older += values[at + 7] ?? 0;
    f.billedBySource.keeping_invoice += values[at + 8] ?? 0;
    f.billedBySource.urenbrug_reference += values[at + 9] ?? 0;
    f.billedBySource.local_link += values[at + 10] ?? 0;
    f.unknownRevenueMinutes += values[at + 11] ?? 0;
    f.unbilledValueCents += values[at + 12] ?? 0;
    f.noRateMinutes += values[at + 13] ?? 0;
    if (countRevenue) {
      f.revenueCents += values[at + 14] ?? 0;
      f.revenueMinutes += values[at + 15] ?? 0;
      f.roundingMinutes += values[at + 16] ?? 0;
      f.roundingCents += values[at + 17] ?? 0;
    }
    for (const invoice of unknownInvoices ?? []) {
      if (this.unknownInvoices.has(invoice)) continue;
      this.unknownInvoices.add(invoice);
      f.unknownRevenueInvoices += 1;
    }
  }
}

/** The figures `addCell` reads, in its order (the unknown invoices' count travels as their labels). */
export function cellValues(f: Figures): number[] {
  return [
    f.workedMinutes,
    f.directMinutes,
    f.indirectMinutes,
    f.billedMinutes,
    f.unbilledMinutes,
    f.unbilledByAge.thisMonth,
    f.unbilledByAge.oneToThreeMonths,
    f.unbilledByAge.older,
    f.billedBySource.keeping_invoice,
    f.billedBySource.urenbrug_reference,
    f.billedBySource.local_link,
    f.unknownRevenueMinutes,
    f.unbilledValueCents,
    f.noRateMinutes,
    f.revenueCents,
    f.revenueMinutes,
    f.roundingMinutes,
    f.roundingCents,
  ];
}

export const CELL_WIDTH = 18;

/** Revenue per billed hour in cents, over the billed minutes whose revenue is known; null without any. */
export function revenuePerHourCents(
  figures: Pick<Figures, 'revenueCents' | 'revenueMinutes'>,
): number | null {
  if (figures.revenueMinutes === 0) return null;
  return Math.round((figures.revenueCents * 60) / figures.revenueMinutes);
}

/** Billed share of the direct minutes in tenths of a percent (0..1000); null without direct hours. */
export function billedPermille(figures: Pick<Figures, 'billedMinutes' | 'directMinutes'>): number | null {
  if (figures.directMinutes === 0) return null;
  return Math.round((figures.billedMinutes * 1000) / figures.directMinutes);
}

export function computeFigures(entries: Iterable<ReportEntry>, options: FigureOptions): Figures {
  const sum = new FigureSum();
  const preparer = new EntryPreparer(options);
  for (const entry of entries) sum.addPrepared(entry, preparer.prepare(entry));
  return sum.figures;
}

/**
 * The invoice preview: selected entries → the lines Urenbrug writes into Exact. Each line's
 * amount is what Exact itself will compute from the quantity and unit price written, so the
 * preview's total is the invoice's total to the cent.
 */
import { formatRangeLabel } from './date-label';
import { DEFAULT_QUANTITY_PRECISION, type QuantityPrecision } from './exact-rules';
import { type EntryGroup, type Grouping, groupEntries } from './grouping';
import {
  exactLineAmountCents,
  formatQuantity,
  type Quantity,
  quantityForExact,
  quantityShortfallHundredths,
} from './hours';
import type { Entry } from './keeping-types';
import type { Locale } from './locale';
import { amountCents, sumCents } from './money';
import type { NamedRef, NameIndex } from './name-order';
import type { DateRange } from './period';
import { type RateBook, type RateSource, type ResolvedRate, resolveRate } from './rates';
import type { RoundingOptions } from './rounding';
import { compileDescription } from './template';

export interface InvoiceLineOptions {
  grouping: Grouping;
  rounding: RoundingOptions;
  rates: RateBook;
  /** Description template, see template.ts. */
  template: string;
  locale: Locale;
  /** The invoiced period, for {periode}. */
  period: DateRange;
  names?: NameIndex;
  /** Decimals the administration keeps of a quantity (default 2, docs/exact-online.md). */
  quantityDecimals?: QuantityPrecision;
}

export interface InvoiceLine {
  key: string;
  entryIds: number[];
  description: string;
  itemCode: string;
  /** Hours as Exact stores them (the administration's precision). */
  quantity: Quantity;
  /** `quantity` as typed into Exact in the options' locale ("0,3333"). */
  quantityText: string;
  unitPriceCents: number;
  /** Exact's own result for quantity × unit price. */
  amountCents: number;
  rawMinutes: number;
  roundedMinutes: number;
  /** amountCents minus the unrounded amount (raw minutes × rate): rounding and precision together. */
  differenceCents: number;
  /** What the bookkeeper's rounding step added: rounded minutes × rate minus raw minutes × rate. */
  roundingCents: number;
  /** What storing the quantity at the precision adds beyond the rounded minutes, in cents. */
  precisionCents: number;
  /** The same in hundredths of a minute: 8,58 h for 8:35 is -20 (-0,2 min). */
  precisionHundredths: number;
  notes: string[];
  rateSource: RateSource;
  itemSource: RateSource;
  /** The line mixes project/task pairs whose remembered rate or item differ; the shared level was used. */
  rateConflict: boolean;
}

export interface InvoiceLinePlan {
  lines: InvoiceLine[];
  totals: {
    rawMinutes: number;
    roundedMinutes: number;
    amountCents: number;
    rawAmountCents: number;
    differenceCents: number;
    roundingCents: number;
    precisionCents: number;
    lineCount: number;
  };
}

/**
 * Composes grouping, rounding, rates, items and descriptions into the lines to write.
 * Totals are sums of the lines, never recomputed from entries, so they match what Exact shows.
 */
export function planInvoiceLines(entries: readonly Entry[], options: InvoiceLineOptions): InvoiceLinePlan {
  const groups = groupEntries(entries, options.grouping, options.rounding, options.names);
  const periodLabel = formatRangeLabel(options.period, options.locale);
  const rangeLabels = new Map<string, string>();
  const labelFor = (range: DateRange): string => {
    const cacheKey = `${range.from}/${range.to}`;
    let label = rangeLabels.get(cacheKey);
    if (label === undefined) {
      label = formatRangeLabel(range, options.locale);
      rangeLabels.set(cacheKey, label);
    }
    return label;
  };

  const describe = compileDescription(options.template);
  const rateOf = memoizedRates(options.rates);
  const decimals = options.quantityDecimals ?? DEFAULT_QUANTITY_PRECISION;

  const lines = groups.map((group): InvoiceLine => {
    const { rate, conflict } = lineRate(group, options.rates, rateOf);
    const quantity = quantityForExact(group.roundedMinutes, decimals);
    const amount = exactLineAmountCents(quantity, rate.rateCents);
    const roundedAmount = amountCents(group.roundedMinutes, rate.rateCents);
    const description = describe({
      project: names(group.projects),
      task: names(group.tasks),
      employee: names(group.people),
      period: periodLabel,
      date: labelFor(group.dateRange),
      notes: group.notes,
    });
    return {
      key: group.key,
      entryIds: group.entryIds,
      description,
      itemCode: rate.itemCode,
      quantity,
      quantityText: formatQuantity(quantity, options.locale),
      unitPriceCents: rate.rateCents,
      amountCents: amount,
      rawMinutes: group.rawMinutes,
      roundedMinutes: group.roundedMinutes,
      differenceCents: amount - amountCents(group.rawMinutes, rate.rateCents),
      roundingCents: roundedAmount - amountCents(group.rawMinutes, rate.rateCents),
      precisionCents: amount - roundedAmount,
      precisionHundredths: quantityShortfallHundredths(quantity, group.roundedMinutes),
      notes: group.notes,
      rateSource: rate.rateSource,
      itemSource: rate.itemSource,
      rateConflict: conflict,
    };
  });

  const amountTotal = sumCents(lines.map((line) => line.amountCents));
  const differenceTotal = sumCents(lines.map((line) => line.differenceCents));
  return {
    lines,
    totals: {
      rawMinutes: lines.reduce((total, line) => total + line.rawMinutes, 0),
      roundedMinutes: lines.reduce((total, line) => total + line.roundedMinutes, 0),
      amountCents: amountTotal,
      rawAmountCents: amountTotal - differenceTotal,
      differenceCents: differenceTotal,
      roundingCents: sumCents(lines.map((line) => line.roundingCents)),
      precisionCents: sumCents(lines.map((line) => line.precisionCents)),
      lineCount: lines.length,
    },
  };
}

/**
 * One rate for the line: the common result when all its project/task pairs resolve alike,
 * otherwise the level the line's entries share (project when all are on one project, else the
 * default), flagged as a conflict so the panel can ask the user.
 */
function lineRate(
  group: EntryGroup,
  book: RateBook,
  rateOf: (projectId: number | null, taskId: number | null) => ResolvedRate,
): { rate: ResolvedRate; conflict: boolean } {
  let common: ResolvedRate | null = null;
  for (const { projectId, taskId } of group.projectTasks) {
    const rate = rateOf(projectId, taskId);
    if (common === null) common = rate;
    else if (common.rateCents !== rate.rateCents || common.itemCode !== rate.itemCode) {
      const project = group.projects.length === 1 ? (group.projects[0]?.id ?? null) : null;
      const task = group.tasks.length === 1 ? (group.tasks[0]?.id ?? null) : null;
      return { rate: resolveRate(book, project, task), conflict: true };
    }
  }
  return { rate: common ?? resolveRate(book, null, null), conflict: false };
}

/** resolveRate, remembered per project/task pair for the duration of one plan. */
function memoizedRates(book: RateBook): (projectId: number | null, taskId: number | null) => ResolvedRate {
  const cache = new Map<number | null, Map<number | null, ResolvedRate>>();
  return (projectId, taskId) => {
    let byTask = cache.get(projectId);
    if (byTask === undefined) {
      byTask = new Map();
      cache.set(projectId, byTask);
    }
    let rate = byTask.get(taskId);
    if (rate === undefined) {
      rate = resolveRate(book, projectId, taskId);
      byTask.set(taskId, rate);
    }
    return rate;
  };
}

function names(refs: readonly NamedRef[]): string {
  return refs
    .filter((ref) => ref.id !== null)
    .map((ref) => ref.name)
    .join(', ');
}

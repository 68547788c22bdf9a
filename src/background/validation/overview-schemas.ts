/** Run-time checks of the Overzicht's requests: a period of at most 366 days, a client id. */
import * as v from 'valibot';
import { WANTED_PER_PANEL } from '../../core/report/elsewhere-revenue';
import { customRangeProblem, MAX_REPORT_DAYS } from '../../core/report/report-period';
import { guidSchema, positiveId } from './common-schemas';

const period = {
  from: v.string(),
  to: v.string(),
};

const PERIOD_MESSAGE = `from and to must be valid days, from not after to, at most ${MAX_REPORT_DAYS} days`;
const checkPeriod = <T extends { from: string; to: string }>() =>
  v.check<T, string>((range) => customRangeProblem(range) === null, PERIOD_MESSAGE);

export const overviewPeriodSchema = v.pipe(
  v.object({ ...period, fresh: v.boolean(), force: v.optional(v.boolean()), cells: v.optional(v.boolean()) }),
  checkPeriod<{ from: string; to: string; fresh: boolean; force?: boolean; cells?: boolean }>(),
);

export const overviewTotalsSchema = v.pipe(
  v.object({ ...period, fresh: v.boolean() }),
  checkPeriod<{ from: string; to: string; fresh: boolean }>(),
);

export const customerSummarySchema = v.object({ keepingClientId: positiveId, fresh: v.boolean() });

/** Exact's `InvoiceNumber` is an Int32. */
const invoiceNumber = v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(2_147_483_647));
/** More than any invoice's amount in cents; beyond it the answer is not Exact's. */
const MAX_AMOUNT_CENTS = 1e13;

export const revenueWantedSchema = v.object({ division: positiveId });

/** A panel reports at most what it was asked (WANTED_PER_PANEL numbers), each once. */
export const revenueReportSchema = v.object({
  division: positiveId,
  found: v.pipe(
    v.array(
      v.object({
        invoiceNumber,
        invoiceId: guidSchema,
        revenueCents: v.pipe(
          v.number(),
          v.safeInteger(),
          v.minValue(-MAX_AMOUNT_CENTS),
          v.maxValue(MAX_AMOUNT_CENTS),
        ),
        status: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(1000)),
      }),
    ),
    v.maxLength(WANTED_PER_PANEL),
  ),
  missing: v.pipe(v.array(invoiceNumber), v.maxLength(WANTED_PER_PANEL)),
});

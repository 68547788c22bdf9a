/** Run-time checks of the Overzicht's requests: a period of at most 366 days, a client id. */
import * as v from 'valibot';
import { customRangeProblem, MAX_REPORT_DAYS } from '../../core/report/report-period';
import { positiveId } from './common-schemas';

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

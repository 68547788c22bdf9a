/**
 * The Overzicht's messages: a period's entries as the figures count them, Keeping's grouped
 * month totals of a period, and the panel's line for one customer (the only one a content script
 * may send; it answers sums for the client the panel names, never entries).
 */
import type { MessageNameIn } from '../../shared/messages';
import { clientForToken } from '../account/client-for-token';
import { type Connection, requireConnection, stillConnectedAs } from '../account/connection';
import { customerSummary, type LargeYearMemo } from '../cache/customer-summary';
import { acceptRevenueReport, wantedNumbers } from '../cache/elsewhere-revenue';
import { cachedOverview, currentUser, type OverviewDeps, refreshOverview } from '../cache/overview-period';
import { cachedTotals, refreshTotals } from '../cache/overview-totals';
import { panelContext } from '../cache/panel-context';
import type { WorkerDependencies } from '../dependencies';
import {
  customerSummarySchema,
  overviewPeriodSchema,
  overviewTotalsSchema,
  revenueReportSchema,
  revenueWantedSchema,
} from '../validation/overview-schemas';
import { parseRequest } from '../validation/request-schemas';
import type { HandlerTable } from './handler-types';

export type OverviewMessageName = MessageNameIn<'overview'>;

export function createOverviewHandlers(
  services: WorkerDependencies,
): Pick<HandlerTable, OverviewMessageName> {
  const largeYears: LargeYearMemo = new Map();

  async function deps(connection: Connection): Promise<OverviewDeps> {
    const db = await services.db();
    const client = () => clientForToken(services, connection.token);
    const stillConnected = stillConnectedAs(connection);
    return {
      db,
      organisationId: connection.organisationId,
      now: services.now,
      // Division 0: the Overzicht needs no division's mappings.
      context: () => panelContext({ db, connection, now: services.now, client, stillConnected }, 0),
    };
  }

  async function refreshDeps(connection: Connection) {
    return {
      ...(await deps(connection)),
      client: await clientForToken(services, connection.token),
      stillConnected: stillConnectedAs(connection),
    };
  }

  return {
    async 'overview.period'(data) {
      const { fresh, force, from, to, cells } = parseRequest(overviewPeriodSchema, data, 'period');
      const connection = await requireConnection();
      const shape = cells === true ? 'cells' : 'entries';
      if (!fresh) return cachedOverview(await deps(connection), { from, to }, shape);
      return refreshOverview(await refreshDeps(connection), { from, to }, force === true, shape);
    },

    async 'overview.totals'(data) {
      const { fresh, from, to } = parseRequest(overviewTotalsSchema, data, 'period');
      const connection = await requireConnection();
      const base = await deps(connection);
      if (!fresh) return cachedTotals(base, { from, to });
      return refreshTotals(await refreshDeps(connection), { from, to });
    },

    async 'overview.customer'(data) {
      const { keepingClientId, fresh } = parseRequest(customerSummarySchema, data, 'customer');
      const connection = await requireConnection();
      return customerSummary(
        { ...(await deps(connection)), refresh: () => refreshDeps(connection), largeYears },
        keepingClientId,
        fresh,
      );
    },

    async 'revenue.wanted'(data) {
      const { division } = parseRequest(revenueWantedSchema, data, 'revenue');
      const connection = await requireConnection();
      const db = await services.db();
      return { numbers: await wantedNumbers(db, connection.organisationId, division, services.now()) };
    },

    async 'revenue.report'(data) {
      const report = parseRequest(revenueReportSchema, data, 'revenue');
      const connection = await requireConnection();
      const base = await deps(connection);
      return acceptRevenueReport(
        {
          ...base,
          today: async () => (await base.context()).today,
          client: async () => {
            const { client, stillConnected, ...rest } = await refreshDeps(connection);
            // A team member's report holds only their own hours, not the invoice's total.
            const me = await currentUser({ ...rest, client });
            return me.role === 'administrator' && (await stillConnected()) ? client : null;
          },
        },
        report,
      );
    },
  };
}

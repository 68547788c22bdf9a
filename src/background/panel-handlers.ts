/**
 * The Exact panel's part of the handler table (messages a content script may send). Each request
 * is checked here; the work is done in the stores and services these call. Changes to a saved
 * invoice queue write-backs and kick the queue without waiting for it.
 */
import { UrenbrugError } from '../shared/errors';
import { type Connection, getConnection } from './connection';
import { cachedRange, refreshRange } from './entries-range';
import type { Handler } from './handlers';
import {
  type InvoiceChange,
  invoiceSaved,
  linkEntries,
  loadInvoice,
  recordFill,
  saveSelection,
  unlinkEntries,
} from './invoice-store';
import { saveClientMapping, saveLineDefaults } from './mappings-store';
import { panelContext } from './panel-context';
import {
  clientMappingSchema,
  divisionSchema,
  filledLinesSchema,
  invoiceRefSchema,
  lineDefaultsSchema,
  linkSchema,
  parseRequest,
  rangeSchema,
  savedSchema,
  selectionSchema,
  unlinkSchema,
} from './request-checks';
import type { BackgroundServices } from './services';
import { resolveLanguage } from './settings-store';
import type { WriteBack } from './write-back';

export type PanelMessageName =
  | 'panel.context'
  | 'entries.range'
  | 'mapping.saveClient'
  | 'lineDefaults.save'
  | 'invoice.load'
  | 'invoice.saveSelection'
  | 'invoice.recordFill'
  | 'invoice.saved'
  | 'invoice.link'
  | 'invoice.unlink';

export type PanelHandlers = { [N in PanelMessageName]: Handler<N> };

async function requireConnection(): Promise<Connection> {
  const connection = await getConnection();
  if (!connection) throw new UrenbrugError('not_connected', 'Not connected to Keeping');
  return connection;
}

/** True while the stored connection is still the one a request started with. */
function stillConnectedAs(connection: Connection): () => Promise<boolean> {
  return async () => {
    const current = await getConnection();
    return current?.token === connection.token && current.organisationId === connection.organisationId;
  };
}

export function createPanelHandlers(services: BackgroundServices, writeBack: WriteBack): PanelHandlers {
  const clientFor = (connection: Connection) => async () =>
    services.createClient(connection.token, await resolveLanguage());

  async function invoiceContext() {
    const connection = await requireConnection();
    return {
      db: await services.db(),
      context: { organisationId: connection.organisationId, now: services.now },
    };
  }

  function answer(change: InvoiceChange) {
    if (change.queued > 0) void writeBack.resume();
    return change.record;
  }

  return {
    async 'panel.context'(data) {
      const { division } = parseRequest(divisionSchema, data, 'panel request');
      const connection = await getConnection();
      const db = await services.db();
      if (!connection) return panelContext({ db, connection, now: services.now }, division);
      return panelContext(
        {
          db,
          connection,
          now: services.now,
          client: clientFor(connection),
          stillConnected: stillConnectedAs(connection),
        },
        division,
      );
    },

    async 'entries.range'(data) {
      const { fresh, ...query } = parseRequest(rangeSchema, data, 'period');
      const connection = await requireConnection();
      const deps = { db: await services.db(), organisationId: connection.organisationId, now: services.now };
      if (!fresh) return cachedRange(deps, query);
      return refreshRange(
        { ...deps, client: await clientFor(connection)(), stillConnected: stillConnectedAs(connection) },
        query,
      );
    },

    async 'mapping.saveClient'(data) {
      const mapping = parseRequest(clientMappingSchema, data, 'customer mapping');
      const connection = await requireConnection();
      return saveClientMapping(await services.db(), connection.organisationId, mapping);
    },

    async 'lineDefaults.save'(data) {
      const defaults = parseRequest(lineDefaultsSchema, data, 'line defaults');
      const connection = await requireConnection();
      return saveLineDefaults(await services.db(), connection.organisationId, defaults);
    },

    async 'invoice.load'(data) {
      const ref = parseRequest(invoiceRefSchema, data, 'invoice reference');
      const connection = await getConnection();
      if (!connection) return null;
      return loadInvoice(await services.db(), connection.organisationId, ref);
    },

    async 'invoice.saveSelection'(data) {
      const ref = parseRequest(invoiceRefSchema, data?.ref, 'invoice reference');
      const selection = parseRequest(selectionSchema, data?.selection, 'selection');
      const { db, context } = await invoiceContext();
      return answer(await saveSelection(db, context, ref, selection));
    },

    async 'invoice.recordFill'(data) {
      const ref = parseRequest(invoiceRefSchema, data?.ref, 'invoice reference');
      const lines = parseRequest(filledLinesSchema, data?.lines, 'filled lines');
      const { db, context } = await invoiceContext();
      return answer(await recordFill(db, context, ref, lines));
    },

    async 'invoice.saved'(data) {
      const { draft, invoiceId, invoiceNumber } = parseRequest(savedSchema, data, 'saved invoice');
      const { db, context } = await invoiceContext();
      return answer(await invoiceSaved(db, context, draft, invoiceId, invoiceNumber));
    },

    async 'invoice.link'(data) {
      const { ref, invoiceNumber, entryIds } = parseRequest(linkSchema, data, 'link');
      const { db, context } = await invoiceContext();
      return answer(await linkEntries(db, context, ref, invoiceNumber, entryIds));
    },

    async 'invoice.unlink'(data) {
      const { ref, entryIds } = parseRequest(unlinkSchema, data, 'unlink');
      const { db, context } = await invoiceContext();
      return answer(await unlinkEntries(db, context, ref, entryIds));
    },
  };
}

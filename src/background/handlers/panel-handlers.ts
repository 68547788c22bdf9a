import { invoiceKey } from '../../shared/invoice-types';
import type { MessageNameIn } from '../../shared/messages';
import { auditActor } from '../account/audit-actor';
import { clientForToken } from '../account/client-for-token';
import { type Connection, getConnection, requireConnection, stillConnectedAs } from '../account/connection';
import {
  cachedRange,
  type ReadControl,
  rangeFetchedAt,
  rangeIsFresh,
  rangeKey,
  refreshRange,
} from '../cache/entries-range';
import { panelContext } from '../cache/panel-context';
import { estimateRange } from '../cache/range-estimate';
import { arrivedEntries, cancelRead, readProgress, startRead } from '../cache/range-reads';
import type { WorkerDependencies } from '../dependencies';
import {
  type InvoiceChange,
  invoiceSaved,
  linkEntries,
  loadInvoice,
  recordFill,
  releaseInvoice,
  saveSelection,
  unlinkEntries,
} from '../records/invoice-store';
import { saveClientMapping, saveLineDefaults, saveQuantityPrecision } from '../records/mappings-store';
import {
  clientMappingSchema,
  divisionSchema,
  estimateSchema,
  invoiceRefSchema,
  lineDefaultsSchema,
  linkSchema,
  overrideSchema,
  parseRequest,
  precisionSchema,
  rangeSchema,
  readerSchema,
  recordFillSchema,
  releaseSchema,
  savedSchema,
  selectionSchema,
  unlinkSchema,
} from '../validation/request-schemas';
import { overrideConflicts } from '../write-back/override';
import type { WriteBack } from '../write-back/runner';
import { readInvoiceWriteBack } from '../write-back/status';
import type { Handler } from './handler-types';

export type PanelMessageName = MessageNameIn<'panel'>;

export type PanelHandlers = { [N in PanelMessageName]: Handler<N> };

export function createPanelHandlers(services: WorkerDependencies, writeBack: WriteBack): PanelHandlers {
  const lazyClientFor = (connection: Connection) => () => clientForToken(services, connection.token);

  async function invoiceContext() {
    const connection = await requireConnection();
    const db = await services.db();
    return {
      db,
      context: {
        organisationId: connection.organisationId,
        now: services.now,
        actor: await auditActor(db, connection),
      },
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
          client: lazyClientFor(connection),
          stillConnected: stillConnectedAs(connection),
        },
        division,
      );
    },

    async 'entries.range'(data) {
      const { fresh, force, readerId, ...query } = parseRequest(rangeSchema, data, 'period');
      const connection = await requireConnection();
      const deps = { db: await services.db(), organisationId: connection.organisationId, now: services.now };
      const key = rangeKey(connection.organisationId, query);
      if (!fresh) {
        const view = await cachedRange(deps, query, readerId ? arrivedEntries(readerId, key) : null);
        const fresh = rangeIsFresh(view.fetchedAt, services.now());
        return readerId ? { ...view, fresh, progress: readProgress(readerId, key) } : { ...view, fresh };
      }
      // Inside the freshness window the cache is the answer: no Keeping call at all.
      if (!force && rangeIsFresh(await rangeFetchedAt(deps, query), services.now())) {
        return { ...(await cachedRange(deps, query)), fresh: true };
      }
      const refresh = async (control: ReadControl) =>
        refreshRange(
          {
            ...deps,
            client: await lazyClientFor(connection)(),
            stillConnected: stillConnectedAs(connection),
          },
          query,
          control,
        );
      return readerId ? startRead(readerId, key, refresh) : refresh({});
    },

    async 'entries.progress'(data) {
      const { readerId } = parseRequest(readerSchema, data, 'reader');
      return readProgress(readerId);
    },

    async 'entries.cancel'(data) {
      const { readerId } = parseRequest(readerSchema, data, 'reader');
      return { cancelled: cancelRead(readerId) };
    },

    async 'entries.estimate'(data) {
      const query = parseRequest(estimateSchema, data, 'period');
      const connection = await requireConnection();
      return estimateRange(
        {
          db: await services.db(),
          organisationId: connection.organisationId,
          client: await lazyClientFor(connection)(),
        },
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

    async 'precision.save'(data) {
      const setting = parseRequest(precisionSchema, data, 'quantity precision');
      const connection = await requireConnection();
      return saveQuantityPrecision(await services.db(), connection.organisationId, setting);
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
      const { ref, lines, ...basis } = parseRequest(recordFillSchema, data, 'filled lines');
      const { db, context } = await invoiceContext();
      return answer(await recordFill(db, context, ref, lines, basis));
    },

    async 'invoice.saved'(data) {
      const { draft, invoiceId, invoiceNumber, rowHashes } = parseRequest(savedSchema, data, 'saved invoice');
      const { db, context } = await invoiceContext();
      return answer(await invoiceSaved(db, context, draft, invoiceId, invoiceNumber, rowHashes));
    },

    async 'invoice.link'(data) {
      const { ref, invoiceNumber, entryIds, ...basis } = parseRequest(linkSchema, data, 'link');
      const { db, context } = await invoiceContext();
      return answer(await linkEntries(db, context, ref, invoiceNumber, entryIds, basis));
    },

    async 'invoice.unlink'(data) {
      const { ref, entryIds, revision } = parseRequest(unlinkSchema, data, 'unlink');
      const { db, context } = await invoiceContext();
      return answer(await unlinkEntries(db, context, ref, entryIds, { revision }));
    },

    async 'invoice.writeBack'(data) {
      const ref = parseRequest(invoiceRefSchema, data, 'invoice reference');
      const { db, context } = await invoiceContext();
      return readInvoiceWriteBack(db, context.organisationId, invoiceKey(ref));
    },

    async 'invoice.override'(data) {
      const { ref, entryIds, reason } = parseRequest(overrideSchema, data, 'override');
      const { db, context } = await invoiceContext();
      const key = invoiceKey(ref);
      await overrideConflicts(db, context, key, entryIds, reason);
      void writeBack.resume();
      return readInvoiceWriteBack(db, context.organisationId, key);
    },

    async 'invoice.release'(data) {
      const { ref, reason } = parseRequest(releaseSchema, data, 'release');
      const { db, context } = await invoiceContext();
      return answer(await releaseInvoice(db, context, invoiceKey(ref), reason));
    },
  };
}

/**
 * The options page's "Gegevens": back-up and restore of the bookkeeper's own work, the state of
 * the Keeping write-back with a retry for what failed, and the audit log. Extension pages only.
 */
import { UrenbrugError } from '../../shared/errors';
import type { MessageNameIn } from '../../shared/messages';
import { auditActor } from '../account/audit-actor';
import { getConnection, requireConnection } from '../account/connection';
import type { WorkerDependencies } from '../dependencies';
import { cachedMinutes, readAuditPage } from '../records/audit-log';
import { exportBackup, parseBackup, restoreBackup } from '../records/backup';
import { releaseInvoice } from '../records/invoice-store';
import {
  auditQuerySchema,
  keyedOverrideSchema,
  keyedReleaseSchema,
  parseRequest,
} from '../validation/request-schemas';
import { overrideConflicts } from '../write-back/override';
import type { WriteBack } from '../write-back/runner';
import { readWriteBackStatus, resetFailed } from '../write-back/status';
import type { HandlerTable } from './handler-types';

export type DataMessageName = MessageNameIn<'data'>;

export function createDataHandlers(
  services: WorkerDependencies,
  writeBack: WriteBack,
): Pick<HandlerTable, DataMessageName> {
  return {
    async 'backup.export'(data) {
      const asked = data?.organisationId;
      if (asked !== undefined && (!Number.isSafeInteger(asked) || asked <= 0)) {
        throw new UrenbrugError('invalid_request', 'Invalid organisation id');
      }
      // Another organisation's work: offered before a switch drops it (extension pages only).
      const organisationId = asked ?? (await requireConnection()).organisationId;
      return exportBackup(await services.db(), organisationId, services.now());
    },

    async 'backup.import'(data) {
      if (typeof data.text !== 'string')
        throw new UrenbrugError('invalid_request', 'The backup must be text');
      const backup = parseBackup(data.text, (await requireConnection()).organisationId);
      return restoreBackup(await services.db(), backup);
    },

    async 'writeback.status'() {
      const connection = await getConnection();
      return readWriteBackStatus(await services.db(), connection?.organisationId ?? null);
    },

    async 'writeback.retry'() {
      // Without a token the queue cannot run; resetting would only hide why it is stuck.
      const connection = await requireConnection();
      const db = await services.db();
      await resetFailed(db, connection.organisationId);
      // Not awaited: a run may take minutes behind the rate limiter; the page asks for the status again.
      void writeBack.resume();
      return readWriteBackStatus(db, connection.organisationId);
    },

    async 'audit.list'(data) {
      const query = parseRequest(auditQuerySchema, data, 'audit filter');
      const { organisationId } = await requireConnection();
      const db = await services.db();
      const page = await readAuditPage(db, {
        organisationId,
        invoice: query.invoice,
        entryId: query.entryId ?? null,
        limit: query.limit,
        before: query.before ?? null,
      });
      const minutes = await cachedMinutes(
        db,
        organisationId,
        page.records.flatMap((record) => record.entryIds),
      );
      return {
        records: page.records.map((record) => {
          const known = record.entryIds.filter((id) => minutes.has(id));
          return {
            seq: record.seq,
            at: record.at,
            action: record.action,
            invoiceKey: record.invoiceKey,
            invoiceNumber: record.resolvedNumber,
            entryIds: record.entryIds,
            minutes: known.length === 0 ? null : known.reduce((sum, id) => sum + minutes.get(id)!, 0),
            keepingUser: record.keepingUser ?? null,
            detail: record.detail,
          };
        }),
        nextBefore: page.nextBefore,
      };
    },

    async 'writeback.release'(data) {
      const { invoiceKey, reason } = parseRequest(keyedReleaseSchema, data, 'release');
      const connection = await requireConnection();
      const db = await services.db();
      const context = {
        organisationId: connection.organisationId,
        now: services.now,
        actor: await auditActor(db, connection),
      };
      const change = await releaseInvoice(db, context, invoiceKey, reason);
      if (change.queued > 0) void writeBack.resume();
      return readWriteBackStatus(db, connection.organisationId);
    },

    async 'writeback.override'(data) {
      const { invoiceKey, entryIds, reason } = parseRequest(keyedOverrideSchema, data, 'override');
      const connection = await requireConnection();
      const db = await services.db();
      await overrideConflicts(
        db,
        {
          organisationId: connection.organisationId,
          now: services.now,
          actor: await auditActor(db, connection),
        },
        invoiceKey,
        entryIds,
        reason,
      );
      void writeBack.resume();
      return readWriteBackStatus(db, connection.organisationId);
    },
  };
}

/**
 * The options page's "Gegevens": back-up and restore of the bookkeeper's own work, and the state
 * of the Keeping write-back with a retry for what failed. Extension pages only.
 */
import { UrenbrugError } from '../../shared/errors';
import type { MessageNameIn } from '../../shared/messages';
import { getConnection, requireConnection } from '../account/connection';
import type { WorkerDependencies } from '../dependencies';
import { exportBackup, parseBackup, restoreBackup } from '../records/backup';
import type { WriteBack } from '../write-back/runner';
import { readWriteBackStatus, resetFailed } from '../write-back/status';
import type { HandlerTable } from './handler-types';

export type DataMessageName = MessageNameIn<'data'>;

export function createDataHandlers(
  services: WorkerDependencies,
  writeBack: WriteBack,
): Pick<HandlerTable, DataMessageName> {
  return {
    async 'backup.export'() {
      const { organisationId } = await requireConnection();
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
  };
}

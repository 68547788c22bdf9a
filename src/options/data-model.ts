/**
 * The "Gegevens" section's state: backup download and restore, and how far telling Keeping which
 * hours are billed has come. The file is only read here; the background checks and writes it.
 */
import { signal } from '@preact/signals';
import { backupError, MAX_BACKUP_BYTES } from '../shared/backup-problem';
import { toUrenbrugError, type UrenbrugError } from '../shared/errors';
import { type BackupImportResult, send, type WriteBackStatus } from '../shared/messages';
import { backupFileName, downloadJson } from '../ui/download';

export type DataBusy = 'export' | 'import' | 'retry' | 'override' | 'release' | null;

export type DataModel = ReturnType<typeof createDataModel>;

export function createDataModel(deps: { download?: typeof downloadJson; now?: () => Date } = {}) {
  const download = deps.download ?? downloadJson;
  const now = deps.now ?? (() => new Date());
  const busy = signal<DataBusy>(null);
  /** Backup download or restore: the last problem, shown under the buttons. */
  const backupProblem = signal<UrenbrugError | null>(null);
  const restored = signal<BackupImportResult | null>(null);
  const status = signal<WriteBackStatus | null>(null);
  const statusError = signal<UrenbrugError | null>(null);

  async function loadStatus(): Promise<void> {
    try {
      status.value = await send('writeback.status', {});
      statusError.value = null;
    } catch (caught) {
      statusError.value = toUrenbrugError(caught);
    }
  }

  async function exportBackup(): Promise<void> {
    busy.value = 'export';
    backupProblem.value = null;
    restored.value = null;
    try {
      const backup = await send('backup.export', {});
      download(backup, backupFileName(now()));
    } catch (caught) {
      backupProblem.value = toUrenbrugError(caught);
    } finally {
      busy.value = null;
    }
  }

  async function importFile(file: File): Promise<void> {
    busy.value = 'import';
    backupProblem.value = null;
    restored.value = null;
    try {
      // Refused before reading: a huge file would only be read to be thrown away.
      if (file.size > MAX_BACKUP_BYTES) throw backupError('too_large', `The file is ${file.size} bytes`);
      restored.value = await send('backup.import', { text: await file.text() });
    } catch (caught) {
      backupProblem.value = toUrenbrugError(caught);
    } finally {
      busy.value = null;
    }
  }

  async function retry(): Promise<void> {
    busy.value = 'retry';
    try {
      status.value = await send('writeback.retry', {});
      statusError.value = null;
    } catch (caught) {
      statusError.value = toUrenbrugError(caught);
    } finally {
      busy.value = null;
    }
  }

  /** Status-changing calls: each answers the status as it is afterwards. */
  async function act(kind: 'override' | 'release', call: () => Promise<WriteBackStatus>): Promise<void> {
    busy.value = kind;
    try {
      status.value = await call();
      statusError.value = null;
    } catch (caught) {
      statusError.value = toUrenbrugError(caught);
    } finally {
      busy.value = null;
    }
  }

  /** Adds our mark next to another invoice's on these entries; the reason is required. */
  function override(invoiceKey: string, entryIds: number[], reason: string): Promise<void> {
    if (reason.trim() === '') return Promise.resolve();
    return act('override', () => send('writeback.override', { invoiceKey, entryIds, reason: reason.trim() }));
  }

  /** "Ontkoppelen": the invoice was credited or deleted; the reason is required. */
  function release(invoiceKey: string, reason: string): Promise<void> {
    if (reason.trim() === '') return Promise.resolve();
    return act('release', () => send('writeback.release', { invoiceKey, reason: reason.trim() }));
  }

  return {
    busy,
    backupProblem,
    restored,
    status,
    statusError,
    loadStatus,
    exportBackup,
    importFile,
    retry,
    override,
    release,
  };
}

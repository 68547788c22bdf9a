/**
 * Backup and restore of the bookkeeper's own work (mappings, line defaults, the quantity precision
 * per division, invoice records):
 * what cannot be fetched from Keeping again. No token and no Keeping cache go into a backup.
 * A restore checks the whole file before it writes, and then writes in one transaction, so a
 * file that is wrong anywhere changes nothing (docs/architecture.md, Storage and migrations).
 */
import * as v from 'valibot';
import { backupError, MAX_BACKUP_BYTES, MAX_EXPORT_BYTES } from '../../shared/backup-problem';
import type { BackupDocument, BackupImportResult } from '../../shared/messages';
import type { MappingRecord, StoredInvoice, UrenbrugDatabase } from '../db/database';
import { issueText } from '../validation/issue-text';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema, type ParsedBackup } from './backup-schema';
import { clientKey, lineDefaultsKey, precisionRecord } from './mappings-store';

/** Everything of one organisation that a backup holds, in a stable order. */
export async function exportBackup(
  db: UrenbrugDatabase,
  organisationId: number,
  now: number,
): Promise<BackupDocument> {
  const tx = db.transaction(['mappings', 'invoices']);
  const [mappingRecords, invoiceRecords] = await Promise.all([
    tx.objectStore('mappings').getAll(),
    tx.objectStore('invoices').getAll(),
    tx.done,
  ]);
  const mine = <T extends { organisationId: number }>(record: T) => record.organisationId === organisationId;
  const ownMappings = mappingRecords.filter(mine);
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    organisationId,
    mappings: ownMappings.flatMap((record) => (record.kind === 'client' ? [record.value] : [])),
    lineDefaults: ownMappings.find((record) => record.kind === 'lineDefaults')?.value ?? null,
    precisions: ownMappings.flatMap((record) => (record.kind === 'quantityPrecision' ? [record.value] : [])),
    invoices: invoiceRecords.filter(mine),
  };
  // Written compact (options/download.ts); refused here above what a restore can read again.
  const bytes = new TextEncoder().encode(JSON.stringify(document)).length;
  if (bytes > MAX_EXPORT_BYTES) {
    throw backupError('export_too_large', `The back-up would be ${bytes} bytes; at most ${MAX_EXPORT_BYTES}`);
  }
  return document;
}

/**
 * The record here is newer than the file's: edited after the back-up was made (a later revision
 * or a later change). Restoring an older file never replaces it silently.
 */
function isNewerHere(here: StoredInvoice, file: StoredInvoice): boolean {
  return here.revision > file.revision || here.updatedAt > file.updatedAt;
}

/** The checked backup, or an `invalid_request` error whose `reason` names the problem (backup-problem.ts). */
export function parseBackup(text: string, organisationId: number): ParsedBackup {
  // Bytes, not characters: the limit is about the file the bookkeeper picked.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_BACKUP_BYTES) {
    throw backupError('too_large', `The file is ${bytes} bytes; at most ${MAX_BACKUP_BYTES}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw backupError('not_json', 'The file is not JSON', error instanceof Error ? error.message : undefined);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw backupError('format', 'The file is not an Urenbrug backup');
  }
  const { version, organisationId: owner } = raw as { version?: unknown; organisationId?: unknown };
  if (version !== BACKUP_VERSION) {
    throw backupError('version', `Backup version ${JSON.stringify(version)} is not supported`);
  }
  if (typeof owner === 'number' && owner !== organisationId) {
    throw backupError('organisation', `The backup is of organisation ${owner}, not ${organisationId}`);
  }
  const result = v.safeParse(backupSchema, raw);
  if (!result.success) {
    throw backupError(
      'shape',
      'The backup holds records that are not valid',
      issueText(result.issues, 'file'),
    );
  }
  const backup = result.output;
  const stranger = backup.invoices.find((invoice) => invoice.organisationId !== organisationId);
  if (backup.organisationId !== organisationId || stranger) {
    throw backupError(
      'organisation',
      `The backup holds records of another organisation than ${organisationId}`,
    );
  }
  return backup;
}

/**
 * Writes a checked backup in one transaction: same keys are replaced, nothing is deleted, and an
 * invoice whose record here is newer than the file's is kept and counted.
 */
export async function restoreBackup(db: UrenbrugDatabase, backup: ParsedBackup): Promise<BackupImportResult> {
  const organisationId = backup.organisationId;
  const mappingRecords: MappingRecord[] = backup.mappings.map((mapping) => ({
    key: clientKey(organisationId, mapping),
    kind: 'client',
    organisationId,
    division: mapping.division,
    value: mapping,
  }));
  if (backup.lineDefaults) {
    mappingRecords.push({
      key: lineDefaultsKey(organisationId),
      kind: 'lineDefaults',
      organisationId,
      value: backup.lineDefaults,
    });
  }
  for (const setting of backup.precisions) mappingRecords.push(precisionRecord(organisationId, setting));
  const tx = db.transaction(['mappings', 'invoices'], 'readwrite');
  const store = tx.objectStore('invoices');
  const replaced = await Promise.all(backup.invoices.map((invoice) => store.get(invoice.key)));
  // A restored record replaces what a tab may still hold: it takes a revision past both, so a
  // change made against the replaced record is refused as stale.
  const invoices: StoredInvoice[] = [];
  let keptNewer = 0;
  backup.invoices.forEach((invoice, index) => {
    const before = replaced[index];
    if (before && isNewerHere(before, invoice)) keptNewer += 1;
    else
      invoices.push(
        before ? { ...invoice, revision: Math.max(invoice.revision, before.revision) + 1 } : invoice,
      );
  });
  await Promise.all([
    ...mappingRecords.map((record) => tx.objectStore('mappings').put(record)),
    ...invoices.map((invoice) => store.put(invoice)),
    tx.done,
  ]);
  return {
    mappings: backup.mappings.length,
    lineDefaults: backup.lineDefaults !== null,
    invoices: invoices.length,
    keptNewer,
  };
}

/**
 * The audit log in the bookkeeper's words: action labels (an action this version does not know
 * is shown by its own name, so records written by a newer version still appear), invoice labels,
 * and the rows of the CSV export.
 */
import { type CsvCell, csvDateTime, csvHours } from '../core/csv';
import { type MessageKey, t } from '../shared/i18n';
import type { AuditEntryView } from '../shared/messages';

const KNOWN_ACTIONS: ReadonlySet<string> = new Set([
  'fill',
  'link',
  'unlink',
  'saved',
  'writeback_done',
  'writeback_skipped',
  'writeback_failed',
  'release',
  'override',
  'writeback_conflict',
]);

export function actionLabel(action: string): string {
  return KNOWN_ACTIONS.has(action) ? t(`options_audit_action_${action}` as MessageKey) : action;
}

/** The invoice number, or "draft" for an invoice not saved in Exact yet, or its key. */
export function invoiceLabel(record: Pick<AuditEntryView, 'invoiceNumber' | 'invoiceKey'>): string {
  if (record.invoiceNumber) return record.invoiceNumber;
  return record.invoiceKey.includes(':draft:') ? t('options_audit_draft') : record.invoiceKey;
}

export function userLabel(record: Pick<AuditEntryView, 'keepingUser'>): string {
  const user = record.keepingUser;
  if (!user) return '';
  return user.userId === null ? user.name : `${user.name} (#${user.userId})`;
}

/** Header and one row per record; dates dd-mm-jjjj, hours with a decimal comma. */
export function auditCsvRows(records: readonly AuditEntryView[], timeZone?: string): CsvCell[][] {
  const header = [
    t('options_audit_col_date'),
    t('options_audit_col_time'),
    t('options_audit_col_action'),
    t('options_audit_col_invoice'),
    t('options_audit_col_count'),
    t('options_audit_col_entries'),
    t('options_audit_col_hours'),
    t('options_audit_col_user'),
    t('options_audit_col_detail'),
  ];
  const rows = records.map((record): CsvCell[] => {
    const { date, time } = csvDateTime(record.at, timeZone);
    return [
      date,
      time,
      actionLabel(record.action),
      invoiceLabel(record),
      record.entryIds.length,
      record.entryIds.join(' '),
      record.minutes === null ? '' : csvHours(record.minutes),
      userLabel(record),
      record.detail ?? '',
    ];
  });
  return [header, ...rows];
}

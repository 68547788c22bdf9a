/**
 * The shape of a backup file (format `urenbrug-backup`, version 1). A backup comes from a file the
 * bookkeeper picked, which may be old, edited by hand or something else entirely, so every record
 * is checked as strictly as a content script's request before anything is written.
 */
import * as v from 'valibot';
import { invoiceKey } from '../../shared/invoice-types';
import { draftKeySchema, epochMs, idList, positiveId, storedGuidSchema } from '../validation/common-schemas';
import {
  clientMappingSchema,
  filledLinesSchema,
  lineDefaultsSchema,
  precisionSchema,
  selectionSchema,
} from '../validation/request-schemas';

export const BACKUP_FORMAT = 'urenbrug-backup';
export const BACKUP_VERSION = 1;
const MAX_RECORDS = 100_000;

function keyMatches(record: {
  key: string;
  division: number;
  invoiceId: string | null;
  draftKey: string | null;
}) {
  if (record.invoiceId === null && record.draftKey === null) return false;
  return record.key === invoiceKey(record);
}

const storedInvoiceSchema = v.pipe(
  v.object({
    key: v.pipe(v.string(), v.maxLength(200)),
    division: positiveId,
    invoiceId: v.nullable(storedGuidSchema),
    draftKey: v.nullable(draftKeySchema),
    organisationId: positiveId,
    // Looser than a request's invoice number: records written before that rule tightened restore too.
    invoiceNumber: v.nullable(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60))),
    selection: v.nullable(selectionSchema),
    lines: filledLinesSchema,
    linkedEntryIds: idList,
    associatedEntryIds: idList,
    markedEntryIds: idList,
    // Back-ups made before invoice records had revisions and a Keeping client lack both.
    keepingClientId: v.optional(v.nullable(positiveId), null),
    revision: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0)), 0),
    updatedAt: epochMs,
  }),
  v.check((record) => keyMatches(record), 'key does not match division, invoice id and draft key'),
  // The `by-entry` index answers "which invoice bills this entry" from linkedEntryIds, so it is
  // derived again rather than trusted: the union of the lines' entries and one-click links.
  v.transform((record) => ({
    ...record,
    keepingClientId: record.keepingClientId ?? record.selection?.keepingClientId ?? null,
    linkedEntryIds: [
      ...new Set([...record.lines.flatMap((line) => line.entryIds), ...record.associatedEntryIds]),
    ].sort((a, b) => a - b),
  })),
);

const unique = <T>(keyOf: (item: T) => string, message: string) =>
  v.check((items: T[]) => new Set(items.map(keyOf)).size === items.length, message);

export const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(
    v.string(),
    v.check((value) => !Number.isNaN(Date.parse(value)), 'must be a timestamp'),
  ),
  organisationId: positiveId,
  mappings: v.pipe(
    v.array(clientMappingSchema),
    v.maxLength(MAX_RECORDS),
    unique((mapping) => `${mapping.division}:${mapping.exactCustomerCode}`, 'a customer is mapped twice'),
  ),
  lineDefaults: v.nullable(lineDefaultsSchema),
  // Back-ups made before the precision was kept lack it: nothing to restore then.
  precisions: v.optional(
    v.pipe(
      v.array(precisionSchema),
      v.maxLength(MAX_RECORDS),
      unique((setting) => String(setting.division), 'a division has two precisions'),
    ),
    [],
  ),
  invoices: v.pipe(
    v.array(storedInvoiceSchema),
    v.maxLength(MAX_RECORDS),
    unique((invoice) => invoice.key, 'an invoice appears twice'),
  ),
});

export type ParsedBackup = v.InferOutput<typeof backupSchema>;

/**
 * Run-time checks of the Exact panel's requests. They come from a content script, which runs in a
 * page we do not control, so every field is checked, normalised (trimmed codes, lower-case GUIDs)
 * and stripped of extra keys before anything is stored.
 */
import { differenceInCalendarDays } from 'date-fns';
import * as v from 'valibot';
import { QUANTITY_PRECISIONS } from '../../core/exact-rules';
import { GROUPINGS } from '../../core/grouping';
import { parseYmd } from '../../core/period';
import { KNOWN_ROUNDING_UNITS } from '../../core/rounding';
import { UrenbrugError } from '../../shared/errors';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from '../../shared/messages';
import { draftKeySchema, epochMs, guidSchema, idList, positiveId } from './common-schemas';
import { issueText } from './issue-text';

/** Keeping's /report/time-entries has no documented limit; a year is what a bookkeeper needs. */
export const MAX_RANGE_DAYS = 366;
const MAX_LINES = 2_000;
const MAX_RULES = 10_000;

const cents = v.pipe(v.number(), v.safeInteger());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const trimmedText = (min: number, max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(min), v.maxLength(max));

const ymd = v.pipe(
  v.string(),
  v.check((value) => parseYmd(value) !== null, 'must be a date (Y-m-d)'),
);

export const invoiceRefSchema = v.pipe(
  v.object({
    division: positiveId,
    invoiceId: v.nullable(guidSchema),
    draftKey: v.nullable(draftKeySchema),
  }),
  v.check((ref) => ref.invoiceId !== null || ref.draftKey !== null, 'needs an invoice id or a draft key'),
);

const periodSchema = v.variant('preset', [
  v.object({ preset: v.picklist(['last_month', 'this_month', 'last_week', 'this_week']) }),
  v.object({ preset: v.literal('custom'), from: ymd, to: ymd }),
]);

export const selectionSchema = v.object({
  keepingClientId: v.nullable(positiveId),
  period: periodSchema,
  hours: v.picklist(['direct', 'all']),
  projectIds: v.nullable(idList),
  userIds: v.nullable(idList),
  includeBilled: v.boolean(),
  excludedEntryIds: idList,
  confirmedBilledEntryIds: idList,
  grouping: v.picklist(GROUPINGS),
  rounding: v.object({
    unit: v.picklist(KNOWN_ROUNDING_UNITS),
    mode: v.picklist(['up', 'nearest']),
    scope: v.picklist(['entry', 'line']),
  }),
  template: text(2_000),
});

export const filledLineSchema = v.object({
  lineKey: trimmedText(1, 500),
  rowId: trimmedText(1, 100),
  entryIds: idList,
  itemCode: text(100),
  description: text(10_000),
  quantityText: text(40),
  unitPriceCents: cents,
  amountCents: cents,
  minutes: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  hash: trimmedText(1, 200),
  writtenAt: epochMs,
});

export const filledLinesSchema = v.pipe(
  v.array(filledLineSchema),
  v.maxLength(MAX_LINES),
  v.check(
    (lines) => new Set(lines.map((line) => line.lineKey)).size === lines.length,
    'line keys must be unique',
  ),
);

/** Exact's REST `InvoiceNumber` is an Int32 (an integer: docs/exact-online.md, Sales invoices in the REST API). */
const INT32_MAX = 2_147_483_647;
/** Digits, optionally in groups joined by one separator; never markup, never a sentence. */
const INVOICE_NUMBER = /^\d+(?:[-./]\d+)*$/;

/**
 * The invoice number as read from Exact's screen. It becomes the reference name every colleague
 * sees in Keeping, so only what Exact writes there passes: digits and a few separators, short.
 */
export const invoiceNumberSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(20),
  v.regex(INVOICE_NUMBER, 'must be an Exact invoice number (digits)'),
  v.check((value) => !/^\d+$/.test(value) || Number(value) <= INT32_MAX, 'is larger than Exact allows'),
);

/** A record's revision as the panel last read it (0: no record yet). */
const revisionSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** The fingerprints of the saved grid's rows (content/fill/fingerprint.ts). */
const rowHashesSchema = v.pipe(
  v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{1,64}$/, 'must be a row fingerprint'))),
  v.maxLength(MAX_LINES),
);

export const savedSchema = v.object({
  draft: invoiceRefSchema,
  invoiceId: guidSchema,
  invoiceNumber: invoiceNumberSchema,
  rowHashes: rowHashesSchema,
});

export const recordFillSchema = v.object({
  ref: invoiceRefSchema,
  lines: filledLinesSchema,
  revision: revisionSchema,
  keepingClientId: v.nullable(positiveId),
});

export const linkSchema = v.object({
  ref: invoiceRefSchema,
  invoiceNumber: v.nullable(invoiceNumberSchema),
  entryIds: v.pipe(idList, v.minLength(1)),
  revision: revisionSchema,
  keepingClientId: positiveId,
});

export const unlinkSchema = v.object({
  ref: invoiceRefSchema,
  entryIds: v.pipe(idList, v.minLength(1)),
  revision: revisionSchema,
});

/** The bookkeeper's reason for an override or a release: required, and bounded for the audit log. */
const reasonSchema = trimmedText(1, 500);

export const overrideSchema = v.object({
  ref: invoiceRefSchema,
  entryIds: v.pipe(idList, v.minLength(1)),
  reason: reasonSchema,
});

export const releaseSchema = v.object({ ref: invoiceRefSchema, reason: reasonSchema });

const invoiceKeySchema = text(200);

export const keyedOverrideSchema = v.object({
  invoiceKey: invoiceKeySchema,
  entryIds: v.pipe(idList, v.minLength(1)),
  reason: reasonSchema,
});

export const keyedReleaseSchema = v.object({ invoiceKey: invoiceKeySchema, reason: reasonSchema });

export const clientMappingSchema = v.object({
  division: positiveId,
  exactCustomerCode: trimmedText(1, 60),
  exactCustomerName: trimmedText(0, 255),
  keepingClientId: positiveId,
});

export const lineDefaultsSchema = v.object({
  defaultRateCents: v.pipe(cents, v.minValue(0)),
  defaultItemCode: trimmedText(1, 60),
  rules: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^p:\d{1,15}(:t:\d{1,15})?$/, 'must be a rate key')),
      v.object({
        rateCents: v.optional(v.nullable(v.pipe(cents, v.minValue(0)))),
        itemCode: v.optional(v.nullable(trimmedText(1, 60))),
      }),
    ),
    v.check((rules) => Object.keys(rules).length <= MAX_RULES, 'too many rules'),
  ),
});

/** A division's quantity precision; 'default' is what the background answers, never what is saved. */
export const precisionSchema = v.object({
  division: positiveId,
  decimals: v.picklist(QUANTITY_PRECISIONS),
  source: v.picklist(['setting', 'detected']),
});

export const divisionSchema = v.object({ division: positiveId });

/** A panel's own name for its reads: random, short, and only used to cancel its earlier read. */
export const readerIdSchema = v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/));

export const readerSchema = v.object({ readerId: readerIdSchema });

export const estimateSchema = v.pipe(
  v.object({ from: ymd, to: ymd, keepingClientId: positiveId }),
  v.check((range) => range.from <= range.to, 'from must not be after to'),
  v.check(
    (range) => differenceInCalendarDays(parseYmd(range.to)!, parseYmd(range.from)!) <= MAX_RANGE_DAYS,
    `at most ${MAX_RANGE_DAYS} days`,
  ),
);

export const rangeSchema = v.pipe(
  v.object({
    from: ymd,
    to: ymd,
    keepingClientId: positiveId,
    fresh: v.boolean(),
    force: v.optional(v.boolean()),
    readerId: v.optional(readerIdSchema),
  }),
  v.check((range) => range.from <= range.to, 'from must not be after to'),
  v.check(
    (range) => differenceInCalendarDays(parseYmd(range.to)!, parseYmd(range.from)!) <= MAX_RANGE_DAYS,
    `at most ${MAX_RANGE_DAYS} days`,
  ),
);

/** The checked, normalised request, or an `invalid_request` error naming what was wrong. */
export function parseRequest<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  what: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  throw new UrenbrugError('invalid_request', `Invalid ${what}`, issueText(result.issues, 'request'));
}

/** `audit.list`: the options page's filters; an empty invoice filter means every invoice. */
export const auditQuerySchema = v.object({
  invoice: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100), v.toLowerCase()), ''),
  entryId: v.optional(positiveId),
  limit: v.optional(
    v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(AUDIT_PAGE_MAX)),
    AUDIT_PAGE_DEFAULT,
  ),
  before: v.optional(positiveId),
});

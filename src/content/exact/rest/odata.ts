/**
 * The OData v2 verbose JSON shapes Exact's REST API answers with (docs/exact-online.md, REST API
 * with the session): a collection is `{"d":{"results":[…],"__next":"…"}}`, a single record
 * `{"d":{…}}`. Records are validated field by field with valibot; `v.object` drops keys it does
 * not know, so a field Exact adds never rejects a page.
 */
import * as v from 'valibot';

/**
 * Exact's doubles and integers (JSON has no NaN or Infinity). Only the plainest valibot pieces
 * are used: the content script's size counts, and callers check integers where they matter.
 */
const number = v.number();

export const meSchema = v.object({
  CurrentDivision: number,
  UserID: v.optional(v.nullable(v.string())),
  LanguageCode: v.optional(v.nullable(v.string())),
});

export const itemSchema = v.object({ Code: v.string() });

export const salesInvoiceSchema = v.object({
  InvoiceID: v.string(),
  InvoiceNumber: number,
  AmountFCExclVat: number,
  Status: number,
  Type: number,
});

export const salesInvoiceLineSchema = v.object({
  InvoiceID: v.string(),
  LineNumber: v.optional(v.nullable(number)),
  ItemCode: v.optional(v.nullable(v.string())),
  Description: v.optional(v.nullable(v.string())),
  Quantity: v.nullable(number),
  UnitPrice: v.nullable(number),
  AmountFC: v.nullable(number),
});

export type Me = v.InferOutput<typeof meSchema>;
export type ItemRecord = v.InferOutput<typeof itemSchema>;
export type SalesInvoiceRecord = v.InferOutput<typeof salesInvoiceSchema>;
export type SalesInvoiceLineRecord = v.InferOutput<typeof salesInvoiceLineSchema>;

/** The fields a schema reads, for `$select`: ask Exact for no more than is used. */
export function selectOf(schema: v.ObjectSchema<v.ObjectEntries, undefined>): string {
  return Object.keys(schema.entries).join(',');
}

const collectionSchema = v.object({
  d: v.object({ results: v.array(v.unknown()), __next: v.optional(v.string()) }),
});

/** Thrown when a JSON answer is not in the shape the code reads: the REST path turns off. */
export class ODataShapeError extends Error {
  override name = 'ODataShapeError';
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path?.map((item) => String(item.key)).join('.') ?? '(root)'}: ${issue.message}`)
    .join('; ');
}

export interface ODataPage<T> {
  records: T[];
  /** The full URL of the next page, when Exact has more than it sent (60 a page). */
  next: string | null;
}

/** A collection page; a single record (`{"d":{…}}`) is read as a page of one. */
export function parsePage<T>(body: unknown, schema: v.GenericSchema<unknown, T>): ODataPage<T> {
  const collection = v.safeParse(collectionSchema, body);
  let raw: unknown[];
  let next: string | null = null;
  if (collection.success) {
    raw = collection.output.d.results;
    next = collection.output.d.__next ?? null;
  } else {
    const single = (body as { d?: unknown } | null)?.d;
    if (typeof single !== 'object' || single === null || Array.isArray(single)) {
      throw new ODataShapeError(`not an OData answer: ${describe(collection.issues)}`);
    }
    raw = [single];
  }
  const records = raw.map((record, index) => {
    const parsed = v.safeParse(schema, record);
    if (!parsed.success) throw new ODataShapeError(`record ${index + 1}: ${describe(parsed.issues)}`);
    return parsed.output;
  });
  return { records, next };
}

/** An OData string literal: single quotes, a quote inside doubled. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * `Field eq a or Field eq b …` filters over `values`, in chunks that keep each URL short (Exact
 * allows 6,000 characters; a chunk stays far below) and the number of calls a handful.
 */
export function orFilters(field: string, literals: readonly string[], perChunk: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < literals.length; start += perChunk) {
    chunks.push(
      literals
        .slice(start, start + perChunk)
        .map((literal) => `${field} eq ${literal}`)
        .join(' or '),
    );
  }
  return chunks;
}

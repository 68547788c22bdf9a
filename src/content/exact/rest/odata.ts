/**
 * The OData v2 verbose JSON shapes Exact's REST API answers with (docs/exact-online.md, REST API
 * with the session): a collection is `{"d":{"results":[…],"__next":"…"}}`, a single record
 * `{"d":{…}}`. Records are checked field by field against a small table of field kinds (no schema
 * library: the content script's size counts); only the listed fields are kept, so a field Exact
 * adds never rejects a page.
 */

/**
 * What one field may hold. Exact's doubles and integers are JSON numbers (finite: JSON has no NaN
 * or Infinity); callers check integers where they matter. `|null`: present, possibly null;
 * `?`: possibly absent or null.
 */
export type FieldKind = 'string' | 'number' | 'number|null' | 'string?' | 'number?';

/** A record's fields and their kinds, in `$select` order. */
export type RecordSchema<T> = { readonly entries: { readonly [K in keyof T]-?: FieldKind } };

export function recordSchema<T>(entries: { readonly [K in keyof T]-?: FieldKind }): RecordSchema<T> {
  return { entries };
}

export interface Me {
  CurrentDivision: number;
  UserID?: string | null;
  LanguageCode?: string | null;
}

export interface ItemRecord {
  Code: string;
}

export interface SalesInvoiceRecord {
  InvoiceID: string;
  InvoiceNumber: number;
  AmountFCExclVat: number;
  Status: number;
  Type: number;
}

export interface SalesInvoiceLineRecord {
  InvoiceID: string;
  LineNumber?: number | null;
  ItemCode?: string | null;
  Description?: string | null;
  Quantity: number | null;
  UnitPrice: number | null;
  AmountFC: number | null;
}

export const meSchema = recordSchema<Me>({
  CurrentDivision: 'number',
  UserID: 'string?',
  LanguageCode: 'string?',
});

export const itemSchema = recordSchema<ItemRecord>({ Code: 'string' });

export const salesInvoiceSchema = recordSchema<SalesInvoiceRecord>({
  InvoiceID: 'string',
  InvoiceNumber: 'number',
  AmountFCExclVat: 'number',
  Status: 'number',
  Type: 'number',
});

export const salesInvoiceLineSchema = recordSchema<SalesInvoiceLineRecord>({
  InvoiceID: 'string',
  LineNumber: 'number?',
  ItemCode: 'string?',
  Description: 'string?',
  Quantity: 'number|null',
  UnitPrice: 'number|null',
  AmountFC: 'number|null',
});

/** The fields a schema reads, for `$select`: ask Exact for no more than is used. */
export function selectOf(schema: RecordSchema<unknown>): string {
  return Object.keys(schema.entries).join(',');
}

/** Thrown when a JSON answer is not in the shape the code reads: the REST path turns off. */
export class ODataShapeError extends Error {
  override name = 'ODataShapeError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindProblem(kind: FieldKind, value: unknown): string | null {
  if (value === null && kind !== 'string' && kind !== 'number') return null;
  if (value === undefined && kind.endsWith('?')) return null;
  const type = kind.startsWith('string') ? 'string' : 'number';
  if (type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type) {
    return null;
  }
  return `expected ${kind} but received ${value === null ? 'null' : typeof value}`;
}

/** The record's listed fields, or an error naming the first field that is not of its kind. */
function readRecord<T>(value: unknown, schema: RecordSchema<T>, label: string): T {
  if (!isRecord(value)) throw new ODataShapeError(`${label}: not an object`);
  const record: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(schema.entries) as Array<[string, FieldKind]>) {
    const problem = kindProblem(kind, value[field]);
    if (problem) throw new ODataShapeError(`${label}: ${field}: ${problem}`);
    if (field in value) record[field] = value[field];
  }
  return record as T;
}

export interface ODataPage<T> {
  records: T[];
  /** The full URL of the next page, when Exact has more than it sent (60 a page). */
  next: string | null;
}

/** A collection page; a single record (`{"d":{…}}`) is read as a page of one. */
export function parsePage<T>(body: unknown, schema: RecordSchema<T>): ODataPage<T> {
  const d = isRecord(body) ? body.d : undefined;
  if (!isRecord(d)) throw new ODataShapeError('not an OData answer: d: not an object');
  const results = d.results;
  const next = d.__next;
  if (results !== undefined && !Array.isArray(results)) {
    throw new ODataShapeError('not an OData answer: d.results: not an array');
  }
  if (next !== undefined && typeof next !== 'string') {
    throw new ODataShapeError('not an OData answer: d.__next: not a string');
  }
  const raw: unknown[] = results ?? [d];
  const records = raw.map((record, index) => readRecord(record, schema, `record ${index + 1}`));
  return { records, next: results ? (next ?? null) : null };
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

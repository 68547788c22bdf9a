/**
 * The OData v2 side of the fake REST API (docs/exact-online.md, Sales invoices in the REST API): the query options the
 * sandbox understands, paging at 60 with `d.__next` and `$skiptoken=guid'…'`, and the two body
 * formats — verbose JSON (`{"d":{"results":[…]}}`) when `Accept: application/json` is sent,
 * a minimal Atom feed otherwise. Only `eq` joined by `and` and `or` (`and` binding tighter, as
 * in OData) is understood in `$filter`; anything else is a 400 in Exact's error shape, so a
 * client that relies on more is caught in tests.
 */

export type EdmType =
  | 'Edm.Guid'
  | 'Edm.String'
  | 'Edm.Int32'
  | 'Edm.Int16'
  | 'Edm.Byte'
  | 'Edm.Double'
  | 'Edm.Boolean'
  | 'Edm.DateTime';

export interface FieldDef {
  type: EdmType;
  /** Only these fields may appear in `$filter` (the ones the extension's issue names). */
  filterable?: boolean;
}

export interface EntitySetDef {
  /** `service/Entity` under `/api/v1/{division}/`, or `current/Me`. */
  path: string;
  /** `__metadata.type`. */
  type: string;
  key: string;
  fields: Record<string, FieldDef>;
  /** Navigation properties shown as `__deferred` when nothing is selected. */
  deferred?: string[];
}

/** Values as stored: GUIDs and strings as strings, DateTime as epoch ms, numbers as numbers. */
export type ODataRecord = Record<string, string | number | boolean | null>;

export class ODataError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const PAGE_SIZE = 60;

interface Clause {
  field: string;
  value: string | number | boolean;
}

export interface ODataQuery {
  /** Alternatives (`or`), each a list of clauses that must all hold (`and`); empty: no filter. */
  filter: Clause[][];
  select: string[] | null;
  top: number | null;
  skiptoken: string | null;
}

const KNOWN_OPTIONS = new Set(['$filter', '$select', '$top', '$skiptoken']);

export function parseQuery(entity: EntitySetDef, params: URLSearchParams): ODataQuery {
  for (const name of params.keys()) {
    if (name.startsWith('$') && !KNOWN_OPTIONS.has(name)) {
      throw new ODataError(400, `The query option '${name}' is not supported by this sandbox.`);
    }
  }
  const filter = params.get('$filter');
  const select = params.get('$select');
  const top = params.get('$top');
  const skiptoken = params.get('$skiptoken');
  return {
    filter: filter === null ? [] : parseFilter(entity, filter),
    select: select === null ? null : parseSelect(entity, select),
    top: top === null ? null : parseTop(top),
    skiptoken: skiptoken === null ? null : parseSkiptoken(skiptoken),
  };
}

function noProperty(entity: EntitySetDef, name: string, position: number): ODataError {
  return new ODataError(
    400,
    `No property '${name}' exists in type '${entity.type}' at position ${position}.`,
  );
}

function parseSelect(entity: EntitySetDef, text: string): string[] | null {
  const names = text.split(',').map((name) => name.trim());
  if (names.length === 1 && names[0] === '*') return null;
  let position = 0;
  for (const name of names) {
    if (!(name in entity.fields)) throw noProperty(entity, name, position);
    position += name.length + 1;
  }
  return names;
}

function parseTop(text: string): number {
  if (!/^\d+$/.test(text)) throw new ODataError(400, `Invalid value '${text}' for $top query option.`);
  return Number(text);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseSkiptoken(text: string): string {
  const match = /^guid'([^']*)'$/.exec(text);
  if (!match?.[1] || !GUID.test(match[1])) throw new ODataError(400, `Invalid $skiptoken '${text}'.`);
  return match[1].toLowerCase();
}

const CLR: Record<EdmType, string> = {
  'Edm.Guid': 'System.Guid',
  'Edm.String': 'System.String',
  'Edm.Int32': 'System.Int32',
  'Edm.Int16': 'System.Int16',
  'Edm.Byte': 'System.Byte',
  'Edm.Double': 'System.Double',
  'Edm.Boolean': 'System.Boolean',
  'Edm.DateTime': 'System.DateTime',
};

interface Literal {
  type: EdmType;
  value: string | number | boolean;
  length: number;
}

/** Reads one literal at the start of `text`: `'…'` (with '' escapes), guid'…', integers, decimals, booleans. */
function readLiteral(text: string, position: number): Literal {
  if (text.startsWith("'") || text.startsWith("guid'")) {
    const isGuid = text.startsWith('guid');
    let index = isGuid ? 5 : 1;
    let value = '';
    for (;;) {
      const quote = text.indexOf("'", index);
      if (quote < 0) throw new ODataError(400, `Unterminated string literal at position ${position}.`);
      value += text.slice(index, quote);
      if (text[quote + 1] === "'") {
        value += "'";
        index = quote + 2;
        continue;
      }
      index = quote + 1;
      break;
    }
    if (isGuid && !GUID.test(value)) {
      throw new ODataError(400, `Unrecognized 'Edm.Guid' literal 'guid'${value}'' at position ${position}.`);
    }
    return { type: isGuid ? 'Edm.Guid' : 'Edm.String', value, length: index };
  }
  const number = /^-?\d+(\.\d+)?/.exec(text);
  if (number) {
    return {
      type: number[1] ? 'Edm.Double' : 'Edm.Int32',
      value: Number(number[0]),
      length: number[0].length,
    };
  }
  const bool = /^(true|false)\b/.exec(text);
  if (bool) return { type: 'Edm.Boolean', value: bool[1] === 'true', length: bool[0].length };
  throw new ODataError(400, `Expression expected at position ${position}.`);
}

function compatible(field: EdmType, literal: EdmType): boolean {
  if (field === literal) return true;
  if (field === 'Edm.Double' && literal === 'Edm.Int32') return true;
  return (field === 'Edm.Int16' || field === 'Edm.Byte') && literal === 'Edm.Int32';
}

const JOIN_ERROR = "Only 'eq' joined by 'and' or 'or' is supported in $filter by this sandbox";

function parseFilter(entity: EntitySetDef, text: string): Clause[][] {
  const groups: Clause[][] = [];
  let clauses: Clause[] = [];
  let rest = text;
  let position = 0;
  const skipSpace = (): void => {
    const spaces = /^\s*/.exec(rest)?.[0].length ?? 0;
    rest = rest.slice(spaces);
    position += spaces;
  };
  for (;;) {
    skipSpace();
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (!name) throw new ODataError(400, `Expression expected at position ${position}.`);
    const def = entity.fields[name];
    if (!def) throw noProperty(entity, name, position);
    const namePosition = position;
    rest = rest.slice(name.length);
    position += name.length;
    skipSpace();
    const operator = /^[a-z]+/.exec(rest)?.[0];
    if (operator !== 'eq') throw new ODataError(400, `${JOIN_ERROR} (position ${position}).`);
    rest = rest.slice(2);
    position += 2;
    skipSpace();
    const literal = readLiteral(rest, position);
    if (!compatible(def.type, literal.type)) {
      throw new ODataError(
        400,
        `Operator 'eq' incompatible with operand types '${CLR[def.type]}' and '${CLR[literal.type]}' at position ${position - 3}.`,
      );
    }
    if (!def.filterable) {
      throw new ODataError(
        400,
        `Filtering on '${name}' is not supported by this sandbox (position ${namePosition}).`,
      );
    }
    clauses.push({ field: name, value: literal.value });
    rest = rest.slice(literal.length);
    position += literal.length;
    skipSpace();
    if (rest === '') {
      groups.push(clauses);
      return groups;
    }
    const join = /^(and|or) /.exec(rest)?.[1];
    if (!join) throw new ODataError(400, `${JOIN_ERROR} (position ${position}).`);
    if (join === 'or') {
      groups.push(clauses);
      clauses = [];
    }
    rest = rest.slice(join.length + 1);
    position += join.length + 1;
  }
}

/** Strings and GUIDs compare without regard to case, as Exact's SQL Server collation does. */
function matches(record: ODataRecord, clause: Clause): boolean {
  const value = record[clause.field];
  if (typeof value === 'string' && typeof clause.value === 'string') {
    return value.toLowerCase() === clause.value.toLowerCase();
  }
  return value === clause.value;
}

export interface Page {
  records: ODataRecord[];
  /** Key of the last record when more follow. */
  nextToken: string | null;
}

/** Filters, orders by key (as Exact pages by key), skips past the token and cuts a page. */
export function pageOf(entity: EntitySetDef, all: readonly ODataRecord[], query: ODataQuery): Page {
  const key = (record: ODataRecord): string => String(record[entity.key]).toLowerCase();
  let records = all
    .filter(
      (record) =>
        query.filter.length === 0 ||
        query.filter.some((group) => group.every((clause) => matches(record, clause))),
    )
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (query.top !== null) records = records.slice(0, query.top);
  if (query.skiptoken !== null) {
    const token = query.skiptoken;
    records = records.filter((record) => key(record) > token);
  }
  const page = records.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { records: page, nextToken: records.length > PAGE_SIZE && last ? key(last) : null };
}

/** The request's own URL with `$skiptoken` replaced: what Exact puts in `__next`. */
export function nextUrl(base: string, path: string, params: URLSearchParams, token: string): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    if (name === '$skiptoken') continue;
    parts.push(`${encodeQueryPart(name)}=${encodeQueryPart(value)}`);
  }
  parts.push(`$skiptoken=guid'${token}'`);
  return `${base}${path}?${parts.join('&')}`;
}

/** Like encodeURIComponent, but leaves `$`, `'`, `,` and `/` readable, as OData URLs show them. */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%2F/g, '/');
}

function entityUri(entity: EntitySetDef, serviceRoot: string, record: ODataRecord): string {
  const key = record[entity.key];
  const literal = entity.fields[entity.key]?.type === 'Edm.Guid' ? `guid'${key}'` : String(key);
  return `${serviceRoot}${entity.path}(${literal})`;
}

function jsonValue(type: EdmType, value: string | number | boolean | null): unknown {
  if (value === null) return null;
  if (type === 'Edm.DateTime') return `/Date(${value})/`;
  return value;
}

export function toJson(
  entity: EntitySetDef,
  serviceRoot: string,
  page: Page,
  query: ODataQuery,
  next: string | null,
  /** One record as `{"d":{…}}`, the shape of a single entity, instead of a collection. */
  single = false,
): unknown {
  const fields = query.select ?? Object.keys(entity.fields);
  const results = page.records.map((record) => {
    const uri = entityUri(entity, serviceRoot, record);
    const out: Record<string, unknown> = { __metadata: { uri, type: entity.type } };
    for (const name of fields) {
      const def = entity.fields[name];
      if (def) out[name] = jsonValue(def.type, record[name] ?? null);
    }
    if (query.select === null) {
      for (const nav of entity.deferred ?? []) out[nav] = { __deferred: { uri: `${uri}/${nav}` } };
    }
    return out;
  });
  if (single && results.length === 1) return { d: results[0] };
  return next === null ? { d: { results } } : { d: { results, __next: next } };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function atomValue(type: EdmType, value: string | number | boolean): string {
  if (type === 'Edm.DateTime') return new Date(Number(value)).toISOString().replace(/\.\d{3}Z$/, '');
  return escapeXml(String(value));
}

/** A minimal Atom feed as WCF Data Services writes one: entries with `m:properties`. */
export function toAtom(
  entity: EntitySetDef,
  serviceRoot: string,
  page: Page,
  query: ODataQuery,
  next: string | null,
  now: Date,
): string {
  const fields = query.select ?? Object.keys(entity.fields);
  const updated = now.toISOString();
  const title = entity.path.split('/').pop() ?? entity.path;
  const entries = page.records.map((record) => {
    const properties = fields
      .map((name) => {
        const def = entity.fields[name];
        if (!def) return '';
        const value = record[name] ?? null;
        const type = def.type === 'Edm.String' ? '' : ` m:type="${def.type}"`;
        if (value === null) return `<d:${name}${type} m:null="true" />`;
        return `<d:${name}${type}>${atomValue(def.type, value)}</d:${name}>`;
      })
      .join('');
    return `<entry><id>${escapeXml(entityUri(entity, serviceRoot, record))}</id><title type="text" /><updated>${updated}</updated><author><name /></author><category term="${entity.type}" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme" /><content type="application/xml"><m:properties>${properties}</m:properties></content></entry>`;
  });
  const nextLink = next === null ? '' : `<link rel="next" href="${escapeXml(next)}" />`;
  return `<?xml version="1.0" encoding="utf-8"?><feed xml:base="${escapeXml(serviceRoot)}" xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><id>${escapeXml(serviceRoot + entity.path)}</id><title type="text">${title}</title><updated>${updated}</updated><link rel="self" title="${title}" href="${title}" />${entries.join('')}${nextLink}</feed>`;
}

/** Exact's functional error body, as REST clients parse it. */
export function errorJson(message: string): unknown {
  return { error: { code: '', message: { lang: '', value: message } } };
}

export function errorXml(message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code></code><message xml:lang="">${escapeXml(message)}</message></error>`;
}

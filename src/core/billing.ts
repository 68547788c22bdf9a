/**
 * Whether an entry is already billed, and by what (docs/architecture.md, Keeping as the shared truth between
 * installs; docs/keeping-api.md, Invoiced status): a Keeping invoicing integration (`*_invoice` reference,
 * which also locks the entry), a `generic_work_reference` that Urenbrug wrote (recognised by its id prefix),
 * or a link kept only in this install. A lock alone is not billing: archiving a project locks its entries
 * too.
 */
import type { Entry, ExternalReference } from './keeping-types';

/** Reference types Keeping's own invoicing integrations attach to invoiced entries. */
export const KEEPING_INVOICE_REFERENCE_TYPES: ReadonlySet<string> = new Set([
  'moneybird_invoice',
  'exact_online_invoice',
  'jortt_invoice',
  'eboekhouden_invoice',
  'twinfield_invoice',
  'snelstart_invoice',
]);

/** The only reference type the API lets Urenbrug write. */
export const URENBRUG_REFERENCE_TYPE = 'generic_work_reference';

/**
 * First hex digits of every reference id Urenbrug writes ("eb0b0e": a fixed, arbitrary
 * marker). Six digits make a chance match with another tool's md5 id about 1 in 16 million,
 * and the fixed total length below narrows it further.
 */
export const URENBRUG_REFERENCE_PREFIX = 'eb0b0e';

/** Prefix + 16 hex digits of FNV-1a/64: 22 characters, inside Keeping's /^[0-9a-f]{10,40}$/. */
export const URENBRUG_REFERENCE_ID_LENGTH = URENBRUG_REFERENCE_PREFIX.length + 16;

/** Keeping's limit on a reference's name when writing. */
export const REFERENCE_NAME_MAX_LENGTH = 191;

export type BilledBy = {
  kind: 'keeping_invoice' | 'urenbrug_reference' | 'local_link';
  /** Human-readable invoice (the reference's name, else its id, or the local link's value). */
  invoice: string;
};

export type BillingState = { state: 'billed'; by: BilledBy } | { state: 'locked' } | { state: 'open' };

/**
 * The stable reference id for one invoice in one Exact division: the same inputs give the same
 * id on every install, so colleagues see the same "billed" mark. The invoice key is trimmed,
 * lower-cased and stripped of GUID braces first, because Exact shows the same GUID in several
 * spellings.
 */
export function urenbrugReferenceId(division: string | number, invoiceKey: string): string {
  const key = invoiceKey
    .trim()
    .toLowerCase()
    .replace(/^\{(.*)\}$/, '$1');
  const hash = fnv1a64(`urenbrug\u0000${String(division).trim()}\u0000${key}`);
  return `${URENBRUG_REFERENCE_PREFIX}${hash}`;
}

/** True for ids made by `urenbrugReferenceId` (prefix, length and lowercase hex). */
export function isUrenbrugReferenceId(id: string): boolean {
  return (
    id.length === URENBRUG_REFERENCE_ID_LENGTH &&
    id.startsWith(URENBRUG_REFERENCE_PREFIX) &&
    /^[0-9a-f]+$/.test(id)
  );
}

/**
 * The reference Urenbrug adds to an entry it billed. `name` is what Keeping shows (for
 * example the invoice number), cut to Keeping's 191 characters.
 */
export function urenbrugReference(
  division: string | number,
  invoiceKey: string,
  name: string,
): ExternalReference {
  const trimmed = name.trim();
  return {
    id: urenbrugReferenceId(division, invoiceKey),
    type: URENBRUG_REFERENCE_TYPE,
    name:
      Array.from(trimmed).length > REFERENCE_NAME_MAX_LENGTH
        ? Array.from(trimmed).slice(0, REFERENCE_NAME_MAX_LENGTH).join('')
        : trimmed,
    url: null,
  };
}

/**
 * The reference that says an entry is billed, or null. Order: Keeping's integrations
 * (authoritative, they lock), then Urenbrug's reference (visible to every install).
 */
export function billingReferenceOf(entry: Entry): ExternalReference | null {
  let urenbrug: ExternalReference | null = null;
  for (const reference of entry.externalReferences) {
    if (KEEPING_INVOICE_REFERENCE_TYPES.has(reference.type)) return reference;
    if (
      urenbrug === null &&
      reference.type === URENBRUG_REFERENCE_TYPE &&
      isUrenbrugReferenceId(reference.id)
    ) {
      urenbrug = reference;
    }
  }
  return urenbrug;
}

/**
 * What billed this entry, or null: its billing reference (above), else the local link map
 * (entry id → invoice) of this install.
 */
export function billedBy(entry: Entry, localLinks: ReadonlyMap<number, string>): BilledBy | null {
  const reference = billingReferenceOf(entry);
  if (reference !== null) {
    const kind = reference.type === URENBRUG_REFERENCE_TYPE ? 'urenbrug_reference' : 'keeping_invoice';
    return { kind, invoice: referenceLabel(reference) };
  }
  const local = localLinks.get(entry.id);
  return local === undefined ? null : { kind: 'local_link', invoice: local };
}

/** Billed, locked without being billed (archived project, payslip, …), or open. */
export function billingState(entry: Entry, localLinks: ReadonlyMap<number, string>): BillingState {
  const by = billedBy(entry, localLinks);
  if (by !== null) return { state: 'billed', by };
  return entry.locked ? { state: 'locked' } : { state: 'open' };
}

function referenceLabel(reference: ExternalReference): string {
  return reference.name.trim() === '' ? reference.id : reference.name;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of `text`, as 16 lowercase hex digits. Not
 * cryptographic: it only has to be stable forever and spread well, and it must be synchronous.
 */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of utf8Bytes(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The UTF-8 bytes TextEncoder would give, written out because core/ compiles without DOM or
 * Node types. A lone surrogate becomes U+FFFD, as TextEncoder does, so hashes never change.
 */
function* utf8Bytes(text: string): Generator<number> {
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0xfffd;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) {
      yield code;
    } else if (code < 0x800) {
      yield 0xc0 | (code >> 6);
      yield 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      yield 0xe0 | (code >> 12);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    } else {
      yield 0xf0 | (code >> 18);
      yield 0x80 | ((code >> 12) & 0x3f);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    }
  }
}

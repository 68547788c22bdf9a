/**
 * The valibot pieces every boundary of the background checks the same way: Keeping's answers,
 * the content script's requests, a backup file and what goes into IndexedDB. One definition, so
 * an id that one boundary accepts is never refused by the next.
 */
import * as v from 'valibot';

/** More ids than any invoice holds; a larger list is a bug or an attack, not a selection. */
export const MAX_IDS = 50_000;

/** Keeping's ids and Exact's division numbers: whole, positive and exact in a double. */
export const positiveId = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

export const idList = v.pipe(v.array(positiveId), v.maxLength(MAX_IDS));

/** A moment as epoch milliseconds (Date.now()). */
export const epochMs = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** Exact's GUID in any of its spellings: with or without braces, in either case. */
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/** The one spelling Urenbrug stores: lower case, no braces. */
const STORED_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A GUID as a page may spell it, normalised to the stored spelling. */
export const guidSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(GUID, 'must be a GUID'),
  v.transform((value) => value.toLowerCase().replace(GUID, '$1')),
);

/** A GUID that was stored by us: anything but the normalised spelling was not written by Urenbrug. */
export const storedGuidSchema = v.pipe(v.string(), v.regex(STORED_GUID, 'must be a lower-case GUID'));

/** The panel's key for an invoice Exact has not saved yet. */
export const draftKeySchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a short token'));

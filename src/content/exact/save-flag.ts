/**
 * Which save belongs to this tab's draft. Exact saves with a postback (docs/exact-online.md,
 * Saving), so the page that clicked "Opslaan" is gone before Exact answers; the click is
 * remembered in the tab's sessionStorage and read by the page that comes back. A stale or misplaced flag once moved a draft's hours onto an
 * unrelated invoice, so the flag is narrow: set only on a new-invoice screen, carrying the draft
 * key and the time, removed by every page load that reads it, and honoured only when it is young
 * and the invoice now shown was not already open in this tab before.
 */

const FLAG_PREFIX = 'urenbrug:saving:';
const SEEN_PREFIX = 'urenbrug:seen:';
/** Exact answers a save in seconds; minutes cover a slow tenant, not a flag left from yesterday. */
export const SAVE_FLAG_MAX_AGE_MS = 3 * 60_000;
/** Invoices a tab opens in one session; older ones fall off (they are refused by the background anyway). */
const MAX_SEEN = 200;
const DRAFT_KEY = /^[0-9a-z]{8,64}$/i;

interface SavingFlag {
  draftKey: string;
  at: number;
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    // Storage switched off or full: no flag means no draft moves, the safe side.
    return fallback;
  }
}

function parseFlag(raw: string | null): SavingFlag | null {
  if (!raw) return null;
  const value = safely(() => JSON.parse(raw) as unknown, null);
  if (typeof value !== 'object' || value === null) return null;
  const { draftKey, at } = value as Partial<SavingFlag>;
  if (typeof draftKey !== 'string' || !DRAFT_KEY.test(draftKey)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { draftKey, at };
}

function readSeen(storage: Storage, division: number): string[] {
  const raw = safely(() => storage.getItem(`${SEEN_PREFIX}${division}`), null);
  const list = raw ? safely(() => JSON.parse(raw) as unknown, null) : null;
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
}

/** Remembers a Save click on a new-invoice screen for the page Exact answers with. */
export function markSaving(storage: Storage, division: number, draftKey: string, now: number): void {
  if (!DRAFT_KEY.test(draftKey)) return;
  const flag: SavingFlag = { draftKey, at: now };
  safely(() => storage.setItem(`${FLAG_PREFIX}${division}`, JSON.stringify(flag)), undefined);
}

/**
 * Called once on every page load: removes the flag and answers the draft key it carried when it
 * belongs to this load, that is, the page shows a saved invoice this tab had not opened before
 * and the click was recent. Also remembers the invoice shown as seen by this tab.
 */
export function takeSaving(
  storage: Storage,
  division: number,
  invoiceId: string | null,
  now: number,
): string | null {
  const key = `${FLAG_PREFIX}${division}`;
  const flag = parseFlag(safely(() => storage.getItem(key), null));
  safely(() => storage.removeItem(key), undefined);
  if (!invoiceId) return null;
  const id = invoiceId.toLowerCase();
  const seen = readSeen(storage, division);
  const knownBefore = seen.includes(id);
  if (!knownBefore) {
    const next = [...seen, id].slice(-MAX_SEEN);
    safely(() => storage.setItem(`${SEEN_PREFIX}${division}`, JSON.stringify(next)), undefined);
  }
  if (!flag || knownBefore) return null;
  const age = now - flag.at;
  if (age < 0 || age > SAVE_FLAG_MAX_AGE_MS) return null;
  return flag.draftKey;
}

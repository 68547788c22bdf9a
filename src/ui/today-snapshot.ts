/**
 * The popup's last "today" kept in the extension origin's own localStorage, so the next opening
 * paints it at once and asks the worker after (docs/architecture.md, Stale-while-revalidate).
 * Only extension pages can read this storage (content scripts see the page's); it holds the
 * view the popup showed, never the token. The options page drops it when the connection changes.
 */
import type { Language, TodayView } from '../shared/messages';
import type { AgeWords } from './age-text';

const KEY = 'urenbrug.today-snapshot.v1';

export interface TodaySnapshot {
  view: TodayView;
  /** The language setting the view was shown in (null: the browser's). */
  language: Language | null;
  /** The words around the figures as the popup showed them, for its first paint (popup/first-paint.ts). */
  texts?: FirstPaintTexts;
}

/** The popup's header and totals labels in the language they were shown in, already localised. */
export interface FirstPaintTexts {
  language: Language;
  title: string;
  /** The day under the title ("woensdag 2 december"). */
  day: string;
  /** "Anna van Doorn · Kantoor Jansen". */
  who: string;
  refresh: string;
  total: string;
  direct: string;
  indirect: string;
  age: AgeWords;
}

const TEXT_FIELDS = ['title', 'day', 'who', 'refresh', 'total', 'direct', 'indirect'] as const;

/** Whether `value` is a complete FirstPaintTexts (an older or damaged snapshot may lack some). */
export function isFirstPaintTexts(value: unknown): value is FirstPaintTexts {
  const texts = value as Partial<FirstPaintTexts> | null | undefined;
  const age = texts?.age as Partial<AgeWords> | undefined;
  return (
    typeof texts === 'object' &&
    texts !== null &&
    (texts.language === 'nl' || texts.language === 'en') &&
    TEXT_FIELDS.every((field) => typeof texts[field] === 'string') &&
    typeof age?.never === 'string' &&
    typeof age.now === 'string' &&
    typeof age.ago === 'string'
  );
}

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Y-m-d of `epochMs` in `timeZone`; null for a zone this browser does not know. */
function dayIn(timeZone: string, epochMs: number): string | null {
  try {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return format.format(epochMs);
  } catch {
    return null;
  }
}

function isSnapshot(value: unknown): value is TodaySnapshot {
  const snapshot = value as Partial<TodaySnapshot> | null;
  const view = snapshot?.view as Partial<TodayView> | undefined;
  return (
    typeof view === 'object' &&
    view !== null &&
    typeof view.date === 'string' &&
    typeof view.organisation?.timeZone === 'string' &&
    typeof view.me?.id === 'number' &&
    Array.isArray(view.entries) &&
    Array.isArray(view.projects) &&
    Array.isArray(view.tasks) &&
    Array.isArray(view.clients) &&
    (snapshot?.language === null || snapshot?.language === 'nl' || snapshot?.language === 'en')
  );
}

/** The kept view if it is still today's in its organisation's zone at `now`; otherwise null. */
export function readTodaySnapshot(now: number): TodaySnapshot | null {
  try {
    const text = store()?.getItem(KEY);
    if (!text) return null;
    const snapshot: unknown = JSON.parse(text);
    if (!isSnapshot(snapshot)) return null;
    const today = dayIn(snapshot.view.organisation.timeZone, now + (snapshot.view.serverOffsetMs || 0));
    return today === snapshot.view.date ? snapshot : null;
  } catch {
    return null;
  }
}

export function saveTodaySnapshot(snapshot: TodaySnapshot): void {
  try {
    store()?.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // Full or blocked storage: the next opening waits for the worker, as without a snapshot.
  }
}

export function clearTodaySnapshot(): void {
  try {
    store()?.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to drop.
  }
}

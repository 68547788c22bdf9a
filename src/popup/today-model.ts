/**
 * The popup's state: the snapshot the popup kept last time painted at once (no worker round
 * trip), the worker's cached view next, the fresh view after, and the last error beside whatever
 * data we still have. A factory rather than module singletons so every mount (and every test)
 * starts clean.
 */
import { computed, signal } from '@preact/signals';
import { isOffline, toUrenbrugError, type UrenbrugError } from '../shared/errors';
import { setLanguagePreference } from '../shared/i18n';
import { type Language, send, type TodayView } from '../shared/messages';
import { clearTodaySnapshot, readTodaySnapshot, saveTodaySnapshot } from '../ui/today-snapshot';
import { firstPaintTexts } from './first-paint-texts';

export type PopupPhase = 'loading' | 'not_connected' | 'ready';

/** Where the view on screen came from: the popup's own snapshot, the worker's cache, or Keeping just now. */
export type ViewSource = 'snapshot' | 'worker' | 'keeping';

export type TodayModel = ReturnType<typeof createTodayModel>;

export function createTodayModel(now: () => number = Date.now) {
  const snapshot = readTodaySnapshot(now());
  if (snapshot) setLanguagePreference(snapshot.language);
  const phase = signal<PopupPhase>(snapshot ? 'ready' : 'loading');
  const view = signal<TodayView | null>(snapshot?.view ?? null);
  const source = signal<ViewSource | null>(snapshot ? 'snapshot' : null);
  let languageSetting: Language | null = snapshot?.language ?? null;
  const error = signal<UrenbrugError | null>(null);
  const refreshing = signal(false);
  const offline = computed(() => isOffline(error.value));

  function show(next: TodayView | null, from: ViewSource): void {
    if (next === null) return;
    view.value = next;
    source.value = from;
    saveTodaySnapshot({ view: next, language: languageSetting, texts: firstPaintTexts(next) });
  }

  function disconnected(): void {
    clearTodaySnapshot();
    view.value = null;
    source.value = null;
    phase.value = 'not_connected';
  }

  async function refresh(): Promise<void> {
    if (refreshing.value) return;
    refreshing.value = true;
    try {
      show(await send('today.refresh', {}), 'keeping');
      error.value = null;
    } catch (caught) {
      // Keep the cached view on screen: an error only adds a message, it never blanks the numbers.
      error.value = toUrenbrugError(caught);
      if (error.value.code === 'not_connected') disconnected();
    } finally {
      refreshing.value = false;
    }
  }

  async function start(): Promise<void> {
    const [settings, status, cached] = await Promise.allSettled([
      send('settings.get', {}),
      send('connection.status', {}),
      send('today.cached', {}),
    ]);
    if (settings.status === 'fulfilled') {
      languageSetting = settings.value.language;
      setLanguagePreference(languageSetting);
    }
    if (status.status === 'fulfilled' && !status.value.connected) {
      disconnected();
      return;
    }
    if (status.status === 'rejected') error.value = toUrenbrugError(status.reason);
    // The snapshot stays on screen until the worker has something (its cache may be empty).
    if (cached.status === 'fulfilled') show(cached.value ?? view.value, cached.value ? 'worker' : 'snapshot');
    else error.value = toUrenbrugError(cached.reason);
    phase.value = 'ready';
    await refresh();
  }

  return { phase, view, source, error, refreshing, offline, start, refresh };
}

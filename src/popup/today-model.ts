/**
 * The popup's state: cached view first, fresh view after, and the last error beside whatever
 * data we still have. A factory rather than module singletons so every mount (and every test)
 * starts clean.
 */
import { computed, signal } from '@preact/signals';
import { isOffline, toUrenbrugError, type UrenbrugError } from '../shared/errors';
import { setLanguagePreference } from '../shared/i18n';
import { send, type TodayView } from '../shared/messages';

export type PopupPhase = 'loading' | 'not_connected' | 'ready';

export type TodayModel = ReturnType<typeof createTodayModel>;

export function createTodayModel() {
  const phase = signal<PopupPhase>('loading');
  const view = signal<TodayView | null>(null);
  const error = signal<UrenbrugError | null>(null);
  const refreshing = signal(false);
  const offline = computed(() => isOffline(error.value));

  async function refresh(): Promise<void> {
    if (refreshing.value) return;
    refreshing.value = true;
    try {
      view.value = await send('today.refresh', {});
      error.value = null;
    } catch (caught) {
      // Keep the cached view on screen: an error only adds a message, it never blanks the numbers.
      error.value = toUrenbrugError(caught);
      if (error.value.code === 'not_connected') phase.value = 'not_connected';
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
    if (settings.status === 'fulfilled') setLanguagePreference(settings.value.language);
    if (status.status === 'fulfilled' && !status.value.connected) {
      phase.value = 'not_connected';
      return;
    }
    if (status.status === 'rejected') error.value = toUrenbrugError(status.reason);
    if (cached.status === 'fulfilled') view.value = cached.value;
    else error.value = toUrenbrugError(cached.reason);
    phase.value = 'ready';
    await refresh();
  }

  return { phase, view, error, refreshing, offline, start, refresh };
}

/**
 * The client's entries for the period: the cache at once (with its age), then Keeping's fresh
 * answer behind it. An answer for an earlier client or period is dropped, and a failed refresh
 * keeps the cached entries on screen beside the error.
 */
import { computed, signal } from '@preact/signals';
import { isOffline, toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import { type EntriesView, send } from '../../../shared/messages';

export interface EntriesRequest {
  from: string;
  to: string;
  keepingClientId: number;
}

export type EntriesModel = ReturnType<typeof createEntriesModel>;

export function createEntriesModel() {
  const view = signal<EntriesView | null>(null);
  const loading = signal(false);
  const refreshing = signal(false);
  const error = signal<UrenbrugError | null>(null);
  const offline = computed(() => isOffline(error.value));
  let generation = 0;
  let last: EntriesRequest | null = null;

  async function load(request: EntriesRequest): Promise<void> {
    generation += 1;
    const mine = generation;
    last = request;
    view.value = null;
    error.value = null;
    loading.value = true;
    refreshing.value = true;
    try {
      const cached = await send('entries.range', { ...request, fresh: false });
      if (mine === generation) view.value = cached;
    } catch (caught) {
      if (mine === generation) error.value = toUrenbrugError(caught);
    }
    if (mine === generation) loading.value = false;
    await refresh(mine);
  }

  async function refresh(mine: number = generation): Promise<void> {
    if (last === null) return;
    refreshing.value = true;
    try {
      const fresh = await send('entries.range', { ...last, fresh: true });
      if (mine !== generation) return;
      view.value = fresh;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = toUrenbrugError(caught);
    } finally {
      if (mine === generation) {
        refreshing.value = false;
        loading.value = false;
      }
    }
  }

  function reset(): void {
    generation += 1;
    last = null;
    view.value = null;
    error.value = null;
    loading.value = false;
    refreshing.value = false;
  }

  return { view, loading, refreshing, error, offline, load, refresh: () => refresh(), reset };
}

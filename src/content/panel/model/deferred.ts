/**
 * A signal that follows `source` at once while its value is small, and after the next painted
 * frame when it is large. The preview of 50,000 entries takes tens of milliseconds to plan; a
 * tick or a change of grouping repaints first and the preview follows a frame later. `pending`
 * is true while the copy is behind, and nothing may act on the old copy then (the fill waits).
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';

function afterPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

export function deferWhenLarge<T>(
  source: ReadonlySignal<T>,
  isLarge: (value: T) => boolean,
  abort: AbortSignal,
): { value: ReadonlySignal<T>; pending: ReadonlySignal<boolean> } {
  const settled = signal(source.peek());
  let scheduled = false;
  const dispose = effect(() => {
    const next = source.value;
    if (!isLarge(next)) {
      settled.value = next;
      return;
    }
    if (scheduled) return; // the update already on its way takes the newest value
    scheduled = true;
    afterPaint(() => {
      scheduled = false;
      if (!abort.aborted) settled.value = source.peek();
    });
  });
  abort.addEventListener('abort', dispose, { once: true });
  return { value: settled, pending: computed(() => settled.value !== source.value) };
}

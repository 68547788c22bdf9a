/**
 * Saves the selection of the open invoice shortly after the bookkeeper stops changing it, and
 * once more when the panel goes away with a change still pending, so a reload finds it back.
 */
import { effect } from '@preact/signals';
import type { InvoiceRecord, InvoiceRef, InvoiceSelection } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';

interface Deps {
  /** Read inside an effect: every signal it reads schedules a save when it changes. */
  snapshot: () => InvoiceSelection;
  ref: () => InvoiceRef | null;
  onSaved: (record: InvoiceRecord) => void;
  onError: (error: unknown) => void;
  delayMs: number;
  signal: AbortSignal;
}

export function startSelectionSaver(deps: Deps): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: InvoiceSelection | null = null;
  let lastSaved: string | null = null;
  let first = true;

  async function save(): Promise<void> {
    timer = null;
    const selection = pending;
    const ref = deps.ref();
    pending = null;
    if (!selection || !ref) return;
    const text = JSON.stringify(selection);
    if (text === lastSaved) return;
    lastSaved = text;
    try {
      deps.onSaved(await send('invoice.saveSelection', { ref, selection }));
    } catch (error) {
      lastSaved = null;
      deps.onError(error);
    }
  }

  const dispose = effect(() => {
    const selection = deps.snapshot();
    // The first run is what was just restored (or the defaults): nothing the user changed yet.
    if (first) {
      first = false;
      lastSaved = JSON.stringify(selection);
      return;
    }
    pending = selection;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void save(), deps.delayMs);
  });

  deps.signal.addEventListener(
    'abort',
    () => {
      dispose();
      if (timer !== null) {
        clearTimeout(timer);
        void save();
      }
    },
    { once: true },
  );
}

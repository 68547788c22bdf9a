/**
 * One-click association: on a saved invoice, link the selected entries to it without typing
 * lines (the invoice was made by hand or elsewhere), and undo such links.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import { toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import type { InvoiceRecord, InvoiceRef } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';

export type LinkModel = ReturnType<typeof createLinkModel>;

interface Deps {
  ref: ReadonlySignal<InvoiceRef | null>;
  invoiceNumber: () => string | null;
  /** The record's revision as the panel read it; links are made against it. */
  revision: () => number;
  keepingClientId: () => number | null;
  onRecord: (record: InvoiceRecord) => void;
  /** Another tab changed the invoice since it was read: reload the record. */
  onStale: () => Promise<void>;
}

export function createLinkModel(deps: Deps) {
  const busy = signal(false);
  const error = signal<UrenbrugError | null>(null);
  /** How many entries the last link call covered, for the confirmation line. */
  const lastLinked = signal<number | null>(null);

  async function run(action: (ref: InvoiceRef) => Promise<InvoiceRecord>): Promise<boolean> {
    const ref = deps.ref.value;
    // Linking needs a saved invoice: a draft has nothing Keeping could be told about yet.
    if (!ref?.invoiceId || busy.value) return false;
    busy.value = true;
    try {
      deps.onRecord(await action(ref));
      error.value = null;
      return true;
    } catch (caught) {
      const refused = toUrenbrugError(caught);
      if (refused.code === 'conflict') {
        error.value = null;
        await deps.onStale();
      } else error.value = refused;
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function link(entryIds: readonly number[]): Promise<void> {
    const keepingClientId = deps.keepingClientId();
    if (entryIds.length === 0 || keepingClientId === null) return;
    const ok = await run((ref) =>
      send('invoice.link', {
        ref,
        invoiceNumber: deps.invoiceNumber(),
        entryIds: [...entryIds],
        revision: deps.revision(),
        keepingClientId,
      }),
    );
    if (ok) lastLinked.value = entryIds.length;
  }

  async function unlink(entryIds: readonly number[]): Promise<void> {
    if (entryIds.length === 0) return;
    const ok = await run((ref) =>
      send('invoice.unlink', { ref, entryIds: [...entryIds], revision: deps.revision() }),
    );
    if (ok) lastLinked.value = null;
  }

  return { busy, error, lastLinked, link, unlink };
}

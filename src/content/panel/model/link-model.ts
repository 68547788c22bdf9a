/**
 * One-click association: on a saved invoice, link the selected entries to it without typing
 * lines (the invoice was made by hand or elsewhere), and undo such links. Also what became of the
 * invoice's marks in Keeping (issue 7): conflicts with another invoice's mark, which the
 * bookkeeper may override with a reason, skipped marks, and "Ontkoppelen" (release) when the
 * invoice was credited or deleted.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import { toUrenbrugError, type UrenbrugError } from '../../../shared/errors';
import type { InvoiceRecord, InvoiceRef } from '../../../shared/invoice-types';
import { type InvoiceWriteBack, send } from '../../../shared/messages';

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
  /** True while only part of the period's entries is here: a partial period is never linked. */
  partial?: () => boolean;
}

/** Marks still on their way: the panel asks again while any are. */
export function writeBackBusy(status: InvoiceWriteBack | null): boolean {
  return status !== null && status.pending + status.verifying > 0;
}

export function createLinkModel(deps: Deps) {
  const busy = signal(false);
  const error = signal<UrenbrugError | null>(null);
  /** How many entries the last link call covered, for the confirmation line. */
  const lastLinked = signal<number | null>(null);
  const writeBack = signal<InvoiceWriteBack | null>(null);

  const savedRef = (): InvoiceRef | null => {
    const ref = deps.ref.value;
    // Keeping is told only about saved invoices: a draft has nothing to mark yet.
    return ref?.invoiceId ? ref : null;
  };

  async function run(action: (ref: InvoiceRef) => Promise<InvoiceRecord>): Promise<boolean> {
    const ref = savedRef();
    if (!ref || busy.value) return false;
    busy.value = true;
    try {
      deps.onRecord(await action(ref));
      error.value = null;
      void loadWriteBack();
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

  async function loadWriteBack(): Promise<void> {
    const ref = savedRef();
    if (!ref) {
      writeBack.value = null;
      return;
    }
    try {
      writeBack.value = await send('invoice.writeBack', ref);
    } catch (caught) {
      error.value = toUrenbrugError(caught);
    }
  }

  async function link(entryIds: readonly number[]): Promise<void> {
    const keepingClientId = deps.keepingClientId();
    if (entryIds.length === 0 || keepingClientId === null || deps.partial?.()) return;
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

  /** Adds our mark next to another invoice's on these entries; the reason is required. */
  async function override(entryIds: readonly number[], reason: string): Promise<boolean> {
    const ref = savedRef();
    if (!ref || busy.value || entryIds.length === 0 || reason.trim() === '') return false;
    busy.value = true;
    try {
      writeBack.value = await send('invoice.override', {
        ref,
        entryIds: [...entryIds],
        reason: reason.trim(),
      });
      error.value = null;
      return true;
    } catch (caught) {
      error.value = toUrenbrugError(caught);
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** "Ontkoppelen": the invoice was credited or deleted; the reason is required. */
  async function release(reason: string): Promise<boolean> {
    if (reason.trim() === '') return false;
    const ok = await run((ref) => send('invoice.release', { ref, reason: reason.trim() }));
    if (ok) lastLinked.value = null;
    return ok;
  }

  return { busy, error, lastLinked, writeBack, link, unlink, override, release, loadWriteBack };
}

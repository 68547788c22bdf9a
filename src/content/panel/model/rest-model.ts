/**
 * The panel's use of Exact's REST API, read-only and never depended on (docs/architecture.md,
 * Exact's REST API beside the DOM): before filling, name the preview's item codes Exact does not
 * know; after this tab's save, read the invoice back and name every difference with what
 * Urenbrug wrote; and once the panel is ready, read the amounts of invoices made elsewhere that
 * the worker asks for (the Overzicht's revenue). Whatever goes wrong here only changes the one
 * REST line: the fill and the save go on from the DOM.
 */
import { signal } from '@preact/signals';
import type { Locale } from '../../../core/locale';
import type { FilledLine } from '../../../shared/invoice-types';
import { send } from '../../../shared/messages';
import { parseScaled } from '../../exact/page-numbers';
import { invoiceAmountsByNumber } from '../../exact/rest/invoice-amounts';
import { readInvoiceBack } from '../../exact/rest/invoice-read';
import { unknownItemCodes } from '../../exact/rest/item-codes';
import type { FetchLike } from '../../exact/rest/read-only-fetch';
import { type ExpectedLine, type Reconciliation, reconcileInvoice } from '../../exact/rest/reconcile';
import { createRestClient, type ExactRestClient, type RestState } from '../../exact/rest/rest-client';

export interface RestAccess {
  /** The frame's origin: the API is called same-origin, with the session's cookies. */
  origin: string;
  fetch: FetchLike;
}

export type ReadBack =
  | { outcome: 'checked'; invoiceNumber: string; result: Reconciliation }
  | { outcome: 'not-found'; invoiceNumber: string };

interface Deps {
  /** Absent (tests, or no origin): the REST path stays silent and off. */
  access: RestAccess | null;
  division: () => number | null;
  storage: Storage | null;
  locale: () => Locale;
  now: () => number;
}

export type RestModel = ReturnType<typeof createRestModel>;

/** A written quantity ("8,58") scaled by 10^4, read as Exact reads the page's format. */
function quantityOf(line: FilledLine, locale: Locale): number | null {
  return parseScaled(line.quantityText, locale, 4);
}

export function expectedLines(lines: readonly FilledLine[], locale: Locale): ExpectedLine[] {
  return lines.map((line) => ({
    itemCode: line.itemCode,
    description: line.description,
    quantity: quantityOf(line, locale),
    unitPriceCents: line.unitPriceCents,
    amountCents: line.amountCents,
  }));
}

export function createRestModel(deps: Deps) {
  const state = signal<RestState>({ kind: 'unknown' });
  const unknownCodes = signal<string[]>([]);
  const readBack = signal<ReadBack | null>(null);
  const busy = signal<'items' | 'read-back' | null>(null);
  let client: ExactRestClient | null = null;

  function ready(): ExactRestClient | null {
    if (!deps.access) return null;
    client ??= createRestClient({
      origin: deps.access.origin,
      pageDivision: deps.division(),
      fetch: deps.access.fetch,
      storage: deps.storage,
      now: deps.now,
      onState: (next) => {
        state.value = next;
      },
    });
    return client;
  }

  /** Probes `current/Me` (once per tab session); the panel shows the answer in its REST line. */
  async function start(): Promise<void> {
    const rest = ready();
    if (rest) await rest.probe();
  }

  /**
   * Before any line is typed: false when Exact does not know one of the codes, which are then
   * named. True (go on, from the DOM) when they are all known or the API cannot tell.
   */
  async function checkItems(codes: readonly string[]): Promise<boolean> {
    unknownCodes.value = [];
    const rest = ready();
    if (!rest) return true;
    busy.value = 'items';
    try {
      if ((await rest.probe()).kind !== 'on') return true;
      const unknown = await unknownItemCodes(rest, codes);
      unknownCodes.value = unknown;
      return unknown.length === 0;
    } catch {
      // The REST state says why; Exact's own lookup still checks each code as it is typed.
      return true;
    } finally {
      busy.value = null;
      state.value = rest.state();
    }
  }

  /** After this tab saved the invoice: Exact's stored invoice against the lines Urenbrug wrote. */
  async function checkSaved(invoiceNumber: string | null, lines: readonly FilledLine[]): Promise<void> {
    readBack.value = null;
    const rest = ready();
    const number = Number(invoiceNumber);
    if (!rest || invoiceNumber === null || !Number.isSafeInteger(number) || lines.length === 0) return;
    busy.value = 'read-back';
    try {
      if ((await rest.probe()).kind !== 'on') return;
      const stored = await readInvoiceBack(rest, number);
      readBack.value =
        stored === null
          ? { outcome: 'not-found', invoiceNumber }
          : {
              outcome: 'checked',
              invoiceNumber,
              result: reconcileInvoice(expectedLines(lines, deps.locale()), stored),
            };
    } catch {
      // Off or paused: the REST line says so, and the DOM's own check stands.
    } finally {
      busy.value = null;
      state.value = rest.state();
    }
  }

  /**
   * After the panel's first paint: the numbers the worker wants read in this division, read and
   * handed back. Silent: the Overzicht says what it knows and where from; nothing here can fail
   * the panel.
   */
  async function shareRevenue(): Promise<void> {
    const rest = ready();
    const division = deps.division();
    if (!rest || division === null) return;
    try {
      if ((await rest.probe()).kind !== 'on') return;
      const { numbers } = await send('revenue.wanted', { division });
      if (numbers.length === 0) return;
      await send('revenue.report', { division, ...(await invoiceAmountsByNumber(rest, numbers)) });
    } catch {
      // Off, paused or refused: the invoices stay "revenue unknown" until a panel can read them.
    } finally {
      state.value = rest.state();
    }
  }

  return { state, unknownCodes, readBack, busy, start, checkItems, checkSaved, shareRevenue };
}

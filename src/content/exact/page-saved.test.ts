// @vitest-environment node
/**
 * Which load reports a save, on the sandbox's screens (issue 7, reproduction 1): only the page
 * that answers a Save clicked on this tab's new invoice, with that invoice's draft key. A Save on
 * an invoice that was already saved, a refused save, and merely opening another invoice report
 * nothing, whatever draft the tab still remembers.
 */
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIVISION } from '../../../sandbox/exact/model/seed';
import { type ExactSandbox, startExactSandbox } from '../../../sandbox/exact/server';
import { addSavedInvoice } from '../../../sandbox/exact/testing/fixtures';
import { createExactInvoicePage } from './page';
import type { SaveReport } from './types';

const DRAFT = '0123456789abcdef0123456789abcdef';
let exact: ExactSandbox;
let savedId: string;

beforeAll(async () => {
  exact = await startExactSandbox({ lookupLatencyMs: 0 });
  savedId = addSavedInvoice(exact.state, {
    entryId: '6a1f0c2e-5b7d-4e3f-9a8b-1c2d3e4f5a6b',
    customerName: 'Bouwbedrijf Jansen B.V.',
    invoiceNumber: 20260999,
    lines: [{ itemCode: 'UREN', description: 'Werkzaamheden', quantity: 10, unitPriceCents: 9500 }],
  }).entryId;
});

afterAll(async () => {
  await exact.close();
});

/** One tab: its sessionStorage outlives each page load, as a browser tab's does. */
function createTab() {
  const session = new Map<string, string>();
  return {
    session,
    /** Loads a screen into a fresh document with the tab's session, and watches for a save. */
    async load(query: string, now = 1_000) {
      const path = `/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}${query}`;
      const html = await (await fetch(`${exact.url}${path}`)).text();
      const window = new Window({
        url: `https://start.exactonline.nl${path}`,
        settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true },
      });
      for (const [key, value] of session) window.sessionStorage.setItem(key, value);
      window.document.write(html);
      const doc = window.document as unknown as Document;
      const reports: SaveReport[] = [];
      const controller = new AbortController();
      createExactInvoicePage(doc).onSaved(
        (report) => reports.push(report),
        controller.signal,
        () => DRAFT,
        () => now,
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
      const sync = () => {
        session.clear();
        for (let index = 0; index < window.sessionStorage.length; index++) {
          const key = window.sessionStorage.key(index)!;
          session.set(key, window.sessionStorage.getItem(key)!);
        }
      };
      sync();
      return {
        reports,
        /** The bookkeeper presses Opslaan; the postback's answer is the next load. */
        clickSave() {
          doc.getElementById('btnSave')!.click();
          sync();
        },
      };
    },
  };
}

const existing = () => `&EntryID=%7b${savedId}%7d`;

describe('a save is reported only for this tab’s new invoice', () => {
  it('reports the draft key on the page that comes back with the new invoice', async () => {
    const tab = createTab();
    (await tab.load('')).clickSave();
    const created = '7b2e1d3f-6c8e-4f4a-8b9c-2d3e4f5a6b7c';
    exact.state.invoices.push({ ...exact.state.invoices[0]!, entryId: created, invoiceNumber: 20260001 });
    const answer = await tab.load(`&EntryID=%7b${created}%7d`, 5_000);
    expect(answer.reports.map((report) => [report.screen.invoiceId, report.draftKey])).toEqual([
      [created, DRAFT],
    ]);
    // Reloading that invoice later reports nothing again.
    expect((await tab.load(`&EntryID=%7b${created}%7d`, 6_000)).reports).toEqual([]);
  });

  it('Opslaan on an invoice that was already saved reports nothing', async () => {
    const tab = createTab();
    await tab.load(''); // the tab has a draft open first
    (await tab.load(existing())).clickSave();
    expect((await tab.load(existing())).reports).toEqual([]);
  });

  it('a refused save, then opening another invoice, reports nothing', async () => {
    const tab = createTab();
    (await tab.load('')).clickSave();
    // Exact answered with the form again (no id): that load removes the flag.
    await tab.load('');
    expect([...tab.session.keys()].filter((key) => key.startsWith('urenbrug:saving:'))).toEqual([]);
    expect((await tab.load(existing())).reports).toEqual([]);
  });

  it('a flag older than a few minutes is not honoured', async () => {
    const tab = createTab();
    (await tab.load('', 1_000)).clickSave();
    expect((await tab.load(existing(), 1_000 + 10 * 60_000)).reports).toEqual([]);
  });
});

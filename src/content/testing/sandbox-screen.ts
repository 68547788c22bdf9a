/**
 * The sandbox's sales-invoice screen in a happy-dom window, for unit tests of the page module:
 * the HTML comes from the sandbox's own render functions and its page scripts run on it, so the
 * lookups, the spinner, row insertion and deletion behave as they do in the e2e specs. The item
 * lookup answers from the sandbox's model after a delay instead of over HTTP.
 * Test-only: content code imports the sandbox only here and in test files.
 */
import { Window } from 'happy-dom';
import { vi } from 'vitest';
import { newEntryView } from '../../../sandbox/exact/model/entry-model';
import { lookup } from '../../../sandbox/exact/model/lookup';
import { createSeedState, DEFAULT_DIVISION } from '../../../sandbox/exact/model/seed';
import { type ExactState, findDivision } from '../../../sandbox/exact/model/state';
import { type InstalledPage, installLogEntrySales } from '../../../sandbox/exact/page/log-entry-sales';
import type { SandboxLanguage, SandboxVariant } from '../../../sandbox/exact/server/options';
import { renderEntry } from '../../../sandbox/exact/server/render-entry';

type PageWindow = Parameters<typeof installLogEntrySales>[0];

export interface ScreenOptions {
  language?: SandboxLanguage;
  variant?: SandboxVariant;
  /** How long the item lookup takes, so writeLine really has to wait for it. */
  lookupLatencyMs?: number;
}

export interface SandboxScreen {
  win: PageWindow;
  doc: Document;
  state: ExactState;
  installed: InstalledPage;
  /** Item lookups the page asked for, by code. */
  lookups: string[];
  /** From now on the lookup endpoint cannot be reached. */
  breakLookups(): void;
  field(id: string): HTMLInputElement;
  close(): Promise<void>;
}

/**
 * Opens a new invoice in division 123456. The page module uses the globals a content script
 * has (Event, FocusEvent, MutationObserver): they are the window's own while the screen is open.
 */
export function openSandboxScreen(options: ScreenOptions = {}): SandboxScreen {
  const language = options.language ?? 'nl';
  const state = createSeedState();
  const division = findDivision(state, DEFAULT_DIVISION);
  if (!division) throw new Error(`The sandbox seed has no division ${DEFAULT_DIVISION}`);
  const view = newEntryView(
    { state, division, language, variant: options.variant ?? 'standard', carry: [] },
    new Date('2026-06-11T10:00:00+02:00'),
  );
  const happy = new Window({
    url: `https://start.exactonline.nl/docs/LogEntrySales.aspx?_Division_=${DEFAULT_DIVISION}`,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  happy.document.write(renderEntry(view).value);
  const win = happy as unknown as PageWindow;

  const lookups: string[] = [];
  let reachable = true;
  const latency = options.lookupLatencyMs ?? 30;
  win.fetch = (async (input: string | URL) => {
    const url = new URL(String(input));
    const type = url.searchParams.get('Type') === 'Account' ? 'Account' : 'Item';
    const code = url.searchParams.get('Code') ?? '';
    if (type === 'Item') lookups.push(code);
    await new Promise((resolve) => setTimeout(resolve, latency));
    if (!reachable) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(lookup(state, DEFAULT_DIVISION, type, code)), {
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof win.fetch;

  const installed = installLogEntrySales(win);
  vi.stubGlobal('Event', win.Event);
  vi.stubGlobal('FocusEvent', win.FocusEvent);
  vi.stubGlobal('MutationObserver', win.MutationObserver);

  const doc = win.document;
  return {
    win,
    doc,
    state,
    installed,
    lookups,
    breakLookups: () => {
      reachable = false;
    },
    field(id) {
      const element = doc.getElementById(id);
      if (!element) throw new Error(`#${id} missing`);
      return element as HTMLInputElement;
    },
    async close() {
      vi.unstubAllGlobals();
      await happy.happyDOM.close();
    },
  };
}

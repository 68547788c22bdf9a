/**
 * What every component test of the whole panel stands on: a fresh container and abort signal per
 * test, the fixtures' clock (10:00 in Amsterdam on 11 June 2026) and Dutch, the real background of
 * panel-background.ts, and a person's way of using the panel (clicks, typing) that waits until
 * the panel and the background have settled.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { setLanguagePreference } from '../../shared/i18n';
import type { ScreenInspector } from '../exact/types';
import { renderPanel } from '../panel/index';
import { FakeInvoicePage } from './fake-invoice-page';
import { DIVISION, type PanelBackground } from './panel-background';

/** 10:00 in Amsterdam on the fixtures' today: "last month" is May 2026. */
export const NOW = Date.parse('2026-06-11T10:00:00+02:00');

export interface PanelHarness {
  /** The element the panel renders into; a new one for every test. */
  readonly container: HTMLElement;
  /** The background behind the panel: the test file starts it (before the mount). */
  background: PanelBackground;
  /** Unmounts the panel as the content script's abort does. */
  abort(): void;
  /** A reload: the open panel goes, and the next mount gets a fresh signal and an empty container. */
  reload(): void;
  /** Lets the panel and the real background settle: no request in flight for a few ticks in a row. */
  flush(quietRounds?: number): Promise<void>;
  all(testId: string, within?: ParentNode): HTMLElement[];
  get<T extends HTMLElement = HTMLElement>(testId: string, within?: ParentNode): T;
  text(testId: string): string;
  click(element: HTMLElement): Promise<void>;
  change(testId: string, value: string): Promise<void>;
  setChecked(element: HTMLInputElement, checked: boolean): Promise<void>;
  /** Opens the panel on `page` (null: a screen the page module could not read) and settles. */
  mount(
    page: FakeInvoicePage | null,
    screenProblem?: string | null,
    inspector?: ScreenInspector | null,
  ): Promise<void>;
  /**
   * Opens the panel on a new invoice for Bakkerij De Vries with the client already remembered;
   * `settle: false` returns while the first reads are still on their way.
   */
  mountMapped(page?: FakeInvoicePage, settle?: boolean): Promise<FakeInvoicePage>;
}

/** Registers the per-test set-up and clean-up; call once at the top of a test file. */
export function setUpPanelTests(): PanelHarness {
  let container: HTMLElement;
  let controller: AbortController;
  let background: PanelBackground | null = null;

  beforeEach(() => {
    // Only Date: the panel's debounces and the database keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    setLanguagePreference('nl');
    sessionStorage.clear();
    controller = new AbortController();
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    controller.abort();
    container.remove();
    vi.useRealTimers();
    background = null;
  });

  function currentBackground(): PanelBackground {
    if (!background) throw new Error('no panel background: start one in the test (startPanelBackground)');
    return background;
  }

  async function flush(quietRounds = 4): Promise<void> {
    let quiet = 0;
    for (let round = 0; round < 500 && quiet < quietRounds; round++) {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      quiet = currentBackground().inFlight() === 0 ? quiet + 1 : 0;
    }
  }

  function all(testId: string, within: ParentNode = container): HTMLElement[] {
    return [...within.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  }

  function get<T extends HTMLElement = HTMLElement>(testId: string, within: ParentNode = container): T {
    const element = within.querySelector<T>(`[data-testid="${testId}"]`);
    if (!element) throw new Error(`no [data-testid="${testId}"] in ${container.innerHTML}`);
    return element;
  }

  /**
   * A person's click: the panel's buttons act on trusted events only (sections/trusted-action.ts),
   * and happy-dom leaves `isTrusted` unset, so the event says so itself. Disabled buttons get no
   * click, as in a browser.
   */
  async function click(element: HTMLElement): Promise<void> {
    await act(() => {
      if ((element as HTMLButtonElement).disabled) return;
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      Object.defineProperty(event, 'isTrusted', { value: true });
      element.dispatchEvent(event);
    });
    await flush();
  }

  async function change(testId: string, value: string): Promise<void> {
    const element = get<HTMLSelectElement | HTMLInputElement>(testId);
    await act(() => {
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
  }

  async function setChecked(element: HTMLInputElement, checked: boolean): Promise<void> {
    await act(() => {
      element.checked = checked;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
  }

  async function render(
    page: FakeInvoicePage | null,
    screenProblem: string | null,
    inspector: ScreenInspector | null,
  ): Promise<void> {
    await act(() => {
      renderPanel(container, { page, screenProblem, inspector, signal: controller.signal });
    });
  }

  async function mount(
    page: FakeInvoicePage | null,
    screenProblem: string | null = null,
    inspector: ScreenInspector | null = null,
  ): Promise<void> {
    await render(page, screenProblem, inspector);
    await flush();
  }

  async function mountMapped(page = new FakeInvoicePage(), settle = true): Promise<FakeInvoicePage> {
    await currentBackground().remember({
      division: DIVISION,
      exactCustomerCode: '1001',
      exactCustomerName: 'Bakkerij De Vries B.V.',
      keepingClientId: 1000,
    });
    await render(page, null, null);
    if (settle) await flush();
    return page;
  }

  return {
    get container() {
      return container;
    },
    get background() {
      return currentBackground();
    },
    set background(started: PanelBackground) {
      background = started;
    },
    abort: () => controller.abort(),
    reload() {
      controller.abort();
      controller = new AbortController();
      container.replaceChildren();
    },
    flush,
    all,
    get,
    text: (testId) => get(testId).textContent ?? '',
    click,
    change,
    setChecked,
    mount,
    mountMapped,
  };
}

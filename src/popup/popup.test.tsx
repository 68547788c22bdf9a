// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../core/keeping-types';
import { makeEntry } from '../core/testing/entry-fixture';
import { UrenbrugError } from '../shared/errors';
import { setLanguagePreference } from '../shared/i18n';
import {
  type ConnectionStatus,
  type MessageName,
  type Settings,
  send,
  type TodayView,
} from '../shared/messages';
import { fakeBrowser } from '../shared/testing/fake-browser';
import { readTodaySnapshot, saveTodaySnapshot } from '../ui/today-snapshot';
import { paintFirst } from './first-paint';
import { PopupApp } from './popup-app';

vi.mock('../shared/messages', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

const DAY = '2026-06-11';

function entry(overrides: Partial<Entry> & { id: number }): Entry {
  return makeEntry({ userId: 7, date: DAY, taskId: 100, ...overrides });
}

function view(entries: Entry[], overrides: Partial<TodayView> = {}): TodayView {
  return {
    organisation: {
      id: 1,
      name: 'Kantoor Jansen',
      timeZone: 'Europe/Amsterdam',
      currency: 'EUR',
      timesheet: 'times',
      features: { projects: true, tasks: true, breaks: true },
      plan: 'plus_2024',
    },
    me: {
      id: 7,
      organisationId: 1,
      firstName: 'Anna',
      surname: 'van Doorn',
      code: null,
      role: 'team_member',
      state: 'active',
    },
    date: DAY,
    entries,
    projects: [
      {
        id: 10,
        organisationId: 1,
        clientId: 1000,
        name: 'Jaarrekening 2025',
        code: null,
        direct: 'entire_project_is_direct',
        state: 'active',
      },
      {
        id: 20,
        organisationId: 1,
        clientId: null,
        name: 'Intern',
        code: null,
        direct: 'entire_project_is_indirect',
        state: 'active',
      },
    ],
    tasks: [{ id: 100, organisationId: 1, name: 'Samenstellen', code: null, direct: true, state: 'active' }],
    clients: [{ id: 1000, organisationId: 1, name: 'Bakkerij De Vries', code: null, state: 'active' }],
    fetchedAt: Date.now() - 3 * 60_000,
    serverOffsetMs: 0,
    ...overrides,
  };
}

const CONNECTED: ConnectionStatus = {
  connected: true,
  organisationId: 1,
  organisationName: 'Kantoor Jansen',
  userName: 'Anna van Doorn',
};
const NOT_CONNECTED: ConnectionStatus = {
  connected: false,
  organisationId: null,
  organisationName: null,
  userName: null,
};

type Handlers = Partial<Record<MessageName, () => Promise<unknown>>>;

function answer(handlers: Handlers): void {
  const defaults: Handlers = {
    'settings.get': async (): Promise<Settings> => ({ language: 'nl' }),
    'connection.status': async () => CONNECTED,
    'today.cached': async () => null,
  };
  sendMock.mockImplementation(((name: MessageName) => {
    const handler = handlers[name] ?? defaults[name];
    if (!handler) return Promise.reject(new UrenbrugError('internal', `unexpected ${name}`));
    return handler();
  }) as typeof send);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let container: HTMLElement;

async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

function byTestId(id: string): HTMLElement | null {
  return container.querySelector(`[data-testid="${id}"]`);
}

function text(id: string): string {
  const element = byTestId(id);
  if (!element) throw new Error(`no [data-testid="${id}"] in ${container.innerHTML}`);
  return element.textContent ?? '';
}

async function mount(): Promise<void> {
  await act(() => {
    render(<PopupApp />, container);
  });
  await flush();
}

beforeEach(() => {
  localStorage.clear();
  setLanguagePreference('nl');
  sendMock.mockReset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

describe('popup — Vandaag', () => {
  it('renders the cached view at once, then the fresh one', async () => {
    const fresh = deferred<TodayView>();
    const cached = view([entry({ id: 1, minutes: 125, note: 'Balans' })]);
    answer({ 'today.cached': async () => cached, 'today.refresh': () => fresh.promise });
    await mount();

    expect(text('today-total')).toBe('2:05');
    expect(text('data-age')).toBe('bijgewerkt 3 minuten geleden');
    expect(container.textContent).toContain('Jaarrekening 2025');
    expect(container.textContent).toContain('Bakkerij De Vries');

    await act(() => {
      fresh.resolve(
        view(
          [
            entry({ id: 1, minutes: 125, note: 'Balans' }),
            entry({ id: 2, projectId: 20, taskId: null, minutes: 182, isDirect: false, note: 'Overleg' }),
          ],
          { fetchedAt: Date.now() },
        ),
      );
    });
    await flush();

    expect(text('today-total')).toBe('5:07');
    expect(text('today-direct')).toBe('2:05');
    expect(text('today-indirect')).toBe('3:02');
    expect(text('data-age')).toBe('zojuist bijgewerkt');
    expect(byTestId('error-message')).toBeNull();
    const order = sendMock.mock.calls.map(([name]) => name);
    expect(order.indexOf('today.cached')).toBeLessThan(order.indexOf('today.refresh'));
  });

  it('keeps the cached numbers and marks offline when the refresh cannot reach Keeping', async () => {
    answer({
      'today.cached': async () => view([entry({ id: 1, minutes: 95 })]),
      'today.refresh': async () => {
        throw new UrenbrugError('network', 'Failed to fetch');
      },
    });
    await mount();

    expect(text('today-total')).toBe('1:35');
    expect(text('offline-marker')).toBe('Offline — laatst opgehaalde gegevens');
    expect(text('error-message')).toBe('Geen verbinding met Keeping. Je ziet de laatst opgehaalde gegevens.');
    expect(text('data-age')).toBe('bijgewerkt 3 minuten geleden');
  });

  it("shows a server error with Keeping's detail, not as offline, and recovers on a later refresh", async () => {
    let calls = 0;
    answer({
      'today.cached': async () => view([entry({ id: 1, minutes: 30 })]),
      'today.refresh': async () => {
        calls += 1;
        if (calls === 1) throw new UrenbrugError('server', 'HTTP 503', 'Wij zijn zo terug.');
        return view([entry({ id: 1, minutes: 45 })], { fetchedAt: Date.now() });
      },
    });
    await mount();

    expect(text('today-total')).toBe('0:30');
    expect(byTestId('offline-marker')).toBeNull();
    expect(text('error-message')).toContain('Keeping heeft een storing');
    expect(text('error-message')).toContain('Keeping meldt: „Wij zijn zo terug.”');

    await act(() => {
      byTestId('refresh-button')?.click();
    });
    await flush();
    expect(text('today-total')).toBe('0:45');
    expect(byTestId('error-message')).toBeNull();
  });

  it('shows the error and no numbers when nothing is cached and the refresh fails', async () => {
    answer({
      'today.refresh': async () => {
        throw new UrenbrugError('timeout', 'after 10 s');
      },
    });
    await mount();
    expect(byTestId('today-total')).toBeNull();
    expect(byTestId('offline-marker')).not.toBeNull();
    expect(text('no-data')).toBe('Nog geen gegevens opgehaald. Klik op Vernieuwen.');
  });

  it('asks to connect when connection.status says not connected, and opens the options page', async () => {
    answer({ 'connection.status': async () => NOT_CONNECTED });
    // The library leaves openOptionsPage unimplemented: it throws unless a test provides it.
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await mount();

    expect(text('not-connected')).toContain('Nog niet verbonden met Keeping');
    expect(sendMock.mock.calls.map(([name]) => name)).not.toContain('today.refresh');
    await act(() => {
      byTestId('open-options')?.click();
    });
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('says so when there are no hours yet today', async () => {
    answer({ 'today.refresh': async () => view([], { fetchedAt: Date.now() }) });
    await mount();
    expect(text('today-total')).toBe('0:00');
    expect(text('no-hours')).toBe('Nog geen uren geschreven vandaag.');
    expect(byTestId('running-entry')).toBeNull();
  });

  it('ticks the running entry every second on the server clock', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(Date.parse('2026-06-11T17:00:00+02:00'));
    // Keeping's clock is 2 minutes ahead of this machine: the running part must include that.
    const running = entry({
      id: 3,
      minutes: 10,
      ongoing: true,
      start: '2026-06-11T16:00:00+02:00',
      note: 'BTW Q2',
    });
    answer({
      'today.refresh': async () =>
        view([entry({ id: 1, minutes: 60 }), running], { serverOffsetMs: 120_000 }),
    });
    await mount();

    expect(text('running-elapsed')).toBe('1:12:00');
    expect(text('running-entry')).toContain('Jaarrekening 2025 — Samenstellen');
    expect(text('running-entry')).toContain('BTW Q2');
    expect(text('running-entry')).toContain('sinds 16:00');
    expect(text('today-total')).toBe('2:12');

    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(text('running-elapsed')).toBe('1:12:01');
    await act(() => {
      vi.advanceTimersByTime(59_000);
    });
    expect(text('today-total')).toBe('2:13');
  });

  it('lists breaks and leave apart and leaves them out of the total', async () => {
    answer({
      'today.refresh': async () =>
        view([
          entry({ id: 1, minutes: 240 }),
          entry({ id: 2, purpose: 'break', projectId: null, taskId: null, minutes: 30, isDirect: false }),
          entry({
            id: 3,
            purpose: 'statutory_leave',
            projectId: null,
            taskId: null,
            minutes: 240,
            isDirect: false,
          }),
        ]),
    });
    await mount();
    expect(text('today-total')).toBe('4:00');
    expect(text('today-breaks')).toContain('Pauzes');
    expect(text('today-breaks')).toContain('0:30');
    expect(text('today-leave')).toContain('Verlof');
    expect(text('today-aside')).toContain('telt niet mee als gewerkt');
  });

  it('inserts notes as text, never as HTML', async () => {
    const note = '<img src=x onerror="alert(1)"><b>vet</b>';
    answer({ 'today.refresh': async () => view([entry({ id: 1, note })]) });
    await mount();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(text('today-group')).toContain(note);
  });

  it("switches to the user's language from settings", async () => {
    answer({
      'settings.get': async (): Promise<Settings> => ({ language: 'en' }),
      'today.refresh': async () => view([entry({ id: 1 })]),
    });
    await mount();
    expect(container.querySelector('h1')?.textContent).toBe('Today');
    expect(text('today-total')).toBe('1:00');
  });
});

describe('popup — the kept snapshot', () => {
  /** Today's Y-m-d in the fixture organisation's zone, so a kept view counts as today's. */
  function amsterdamToday(): string {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return format.format(Date.now());
  }

  it("paints today's kept view before the worker answers, then keeps what the worker says", async () => {
    const today = amsterdamToday();
    saveTodaySnapshot({
      view: view([entry({ id: 1, minutes: 125, date: today })], { date: today }),
      language: 'en',
    });
    const cached = deferred<TodayView | null>();
    const fresh = deferred<TodayView>();
    answer({
      'settings.get': async () => ({ language: 'en' }),
      'today.cached': () => cached.promise,
      'today.refresh': () => fresh.promise,
    });
    await act(() => {
      render(<PopupApp />, container);
    });
    // The first render, before any message was answered.
    expect(text('today-total')).toBe('2:05');
    expect(container.querySelector('h1')?.textContent).toBe('Today');

    await act(() => cached.resolve(null));
    await flush();
    expect(text('today-total')).toBe('2:05');
    await act(() =>
      fresh.resolve(
        view([entry({ id: 1, minutes: 30, date: today })], { date: today, fetchedAt: Date.now() }),
      ),
    );
    await flush();
    expect(text('today-total')).toBe('0:30');
    expect(readTodaySnapshot(Date.now())?.view.entries[0]?.minutes).toBe(30);
  });

  it("never paints another day's view as today's", async () => {
    saveTodaySnapshot({
      view: view([entry({ id: 1, minutes: 125 })], { date: '2020-01-02' }),
      language: 'nl',
    });
    answer({ 'today.refresh': () => new Promise(() => {}) });
    await act(() => {
      render(<PopupApp />, container);
    });
    expect(byTestId('today-total')).toBeNull();
  });

  it('drops the kept view when the worker says the connection is gone', async () => {
    const today = amsterdamToday();
    saveTodaySnapshot({
      view: view([entry({ id: 1, minutes: 125, date: today })], { date: today }),
      language: 'nl',
    });
    answer({ 'connection.status': async () => NOT_CONNECTED });
    await mount();
    expect(byTestId('today-total')).toBeNull();
    expect(readTodaySnapshot(Date.now())).toBeNull();
  });
});

describe('popup — the first paint (first-paint.ts)', () => {
  function amsterdamToday(): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(Date.now());
  }

  /** Opens the app once so it keeps `shown` as its snapshot (with its words), then closes it. */
  async function showOnce(shown: TodayView, language: 'nl' | 'en' = 'nl'): Promise<void> {
    answer({
      'settings.get': async () => ({ language }),
      'today.cached': async () => shown,
      'today.refresh': () => new Promise(() => {}),
    });
    await mount();
    render(null, container);
  }

  /** The header and totals as the eye reads them: each element's tag, classes and own text. */
  function outline(root: Element): string[] {
    const parts = [root.querySelector('header'), root.querySelector('.totals')];
    return parts.flatMap((part) =>
      part
        ? [part, ...part.querySelectorAll('*')].map((node) => {
            const own = [...node.childNodes]
              .filter((child) => child.nodeType === 3)
              .map((child) => child.textContent)
              .join('');
            return `${node.tagName}.${node.className}:${own}`;
          })
        : ['missing'],
    );
  }

  let painted: HTMLElement | null = null;
  afterEach(() => {
    painted?.remove();
    painted = null;
  });

  it("draws the kept view's header and totals exactly as the app then renders them", async () => {
    const today = amsterdamToday();
    const shown = view(
      [
        entry({ id: 1, minutes: 125, date: today }),
        entry({ id: 2, projectId: 20, minutes: 30, isDirect: false, date: today }),
      ],
      { date: today, fetchedAt: Date.now() - 5 * 60_000 },
    );
    await showOnce(shown, 'en');
    const now = Date.now();
    painted = paintFirst(document, now);
    if (!painted) throw new Error('nothing painted');
    expect(painted.querySelector('[data-testid="today-total"]')?.textContent).toBe('2:35');
    expect(painted.querySelector('[data-testid="data-age"]')?.textContent).toBe('updated 5 minutes ago');
    expect(document.documentElement.lang).toBe('en');

    // The app's first render of the same snapshot, before any message is answered.
    answer({ 'today.cached': () => new Promise(() => {}), 'settings.get': () => new Promise(() => {}) });
    await act(() => {
      render(<PopupApp />, container);
    });
    expect(outline(painted)).toEqual(outline(container));
    expect(outline(painted).join('|')).toContain('H1.:Today');
  });

  it('counts a running entry up to now, as the app does', async () => {
    const today = amsterdamToday();
    const start = new Date(Date.now() - 90 * 60_000).toISOString();
    await showOnce(
      view([entry({ id: 1, minutes: 0, ongoing: true, start, end: null, date: today })], { date: today }),
    );
    painted = paintFirst(document, Date.now());
    expect(painted?.querySelector('[data-testid="today-total"]')?.textContent).toBe('1:30');
  });

  it("draws nothing for another day's view, an older snapshot without words, or another language", async () => {
    await showOnce(view([entry({ id: 1, minutes: 125 })], { date: '2020-01-02' }));
    expect(paintFirst(document, Date.now())).toBeNull();

    const today = amsterdamToday();
    saveTodaySnapshot({
      view: view([entry({ id: 1, minutes: 125, date: today })], { date: today }),
      language: 'nl',
    });
    expect(paintFirst(document, Date.now())).toBeNull();

    await showOnce(view([entry({ id: 1, minutes: 125, date: today })], { date: today }), 'nl');
    const kept = readTodaySnapshot(Date.now());
    if (!kept) throw new Error('no snapshot');
    saveTodaySnapshot({ ...kept, language: 'en' }); // words in Dutch, the setting now English
    expect(paintFirst(document, Date.now())).toBeNull();
    expect(document.body.querySelector('[data-first-paint]')).toBeNull();
  });

  it('draws nothing once the connection is gone', async () => {
    const today = amsterdamToday();
    await showOnce(view([entry({ id: 1, minutes: 125, date: today })], { date: today }));
    answer({ 'connection.status': async () => NOT_CONNECTED });
    await mount();
    expect(paintFirst(document, Date.now())).toBeNull();
  });

  it("puts Keeping's names in as text only", async () => {
    const today = amsterdamToday();
    const hostile = '<img src=x onerror="alert(1)">';
    const shown = view([entry({ id: 1, minutes: 60, date: today })], { date: today });
    await showOnce({ ...shown, organisation: { ...shown.organisation, name: hostile } });
    painted = paintFirst(document, Date.now());
    expect(painted?.querySelector('img')).toBeNull();
    expect(painted?.textContent).toContain(`Anna van Doorn · ${hostile}`);
  });
});

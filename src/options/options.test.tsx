// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Organisation } from '../core/keeping-types';
import { UrenbrugError } from '../shared/errors';
import { language, setLanguagePreference } from '../shared/i18n';
import {
  type ConnectionStatus,
  type ConnectionTestResult,
  type MessageName,
  type RequestOf,
  type Settings,
  send,
} from '../shared/messages';
import { OptionsApp } from './options-app';

vi.mock('../shared/messages', () => ({ send: vi.fn() }));

const sendMock = vi.mocked(send);
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

function organisation(id: number, name: string): Organisation {
  return {
    id,
    name,
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    timesheet: 'times',
    features: { projects: true, tasks: true, breaks: true },
    plan: 'plus_2024',
  };
}

const NOT_CONNECTED: ConnectionStatus = {
  connected: false,
  organisationId: null,
  organisationName: null,
  userName: null,
};
const CONNECTED: ConnectionStatus = {
  connected: true,
  organisationId: 2,
  organisationName: 'Kantoor Jansen',
  userName: 'Anna van Doorn',
};

type Handler = (data: never) => Promise<unknown>;

function answer(handlers: Partial<Record<MessageName, Handler>>): void {
  const defaults: Partial<Record<MessageName, Handler>> = {
    'settings.get': async (): Promise<Settings> => ({ language: 'nl' }),
    'connection.status': async () => NOT_CONNECTED,
  };
  sendMock.mockImplementation(((name: MessageName, data: RequestOf<MessageName>) => {
    const handler = handlers[name] ?? defaults[name];
    if (!handler) return Promise.reject(new UrenbrugError('internal', `unexpected ${name}`));
    return handler(data as never);
  }) as typeof send);
}

let container: HTMLElement;

async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

function get<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = container.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no [data-testid="${id}"] in ${container.innerHTML}`);
  return element;
}

function query(id: string): HTMLElement | null {
  return container.querySelector(`[data-testid="${id}"]`);
}

async function mount(): Promise<void> {
  await act(() => {
    render(<OptionsApp />, container);
  });
  await flush();
}

async function type(id: string, value: string): Promise<void> {
  await act(() => {
    const input = get<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(id: string): Promise<void> {
  await act(() => {
    get(id).click();
  });
  await flush();
}

function callsOf(name: MessageName) {
  return sendMock.mock.calls.filter(([called]) => called === name);
}

beforeEach(() => {
  setLanguagePreference('nl');
  sendMock.mockReset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('options — connect Keeping', () => {
  it('tests a token, shows the owner and organisations, and saves the chosen one', async () => {
    const result: ConnectionTestResult = {
      user: { firstName: 'Anna', surname: 'van Doorn' },
      organisations: [organisation(1, 'Administratiekantoor Noord'), organisation(2, 'Kantoor Jansen')],
    };
    answer({
      'connection.test': async () => result,
      'connection.save': async () => CONNECTED,
    });
    await mount();
    expect(get('connection-status').textContent).toBe('Niet verbonden');
    expect(get<HTMLInputElement>('token-input').type).toBe('password');

    await type('token-input', `  Bearer ${TOKEN}\n`);
    await click('connect-button');

    expect(callsOf('connection.test')).toEqual([['connection.test', { token: TOKEN }]]);
    expect(get('test-result').textContent).toContain('Het token werkt. Ingelogd als Anna van Doorn.');
    const select = get<HTMLSelectElement>('organisation-select');
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Kies een organisatie',
      'Administratiekantoor Noord',
      'Kantoor Jansen',
    ]);
    // Two organisations: nothing is chosen for the user, so "Verbinden" waits.
    expect(get<HTMLButtonElement>('save-button').disabled).toBe(true);

    await act(() => {
      select.value = '2';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('save-button');

    expect(callsOf('connection.save')).toEqual([['connection.save', { token: TOKEN, organisationId: 2 }]]);
    expect(get('connection-status').textContent).toBe('Verbonden als Anna van Doorn bij Kantoor Jansen');
    // The token is gone from the page once saved.
    expect(query('token-input')).toBeNull();
    expect(container.innerHTML).not.toContain(TOKEN);
  });

  it('shows the exact localised reason when Keeping answers 401', async () => {
    answer({
      'connection.test': async () => {
        throw new UrenbrugError('auth', 'HTTP 401', 'Unauthenticated.', 401);
      },
    });
    await mount();
    await type('token-input', TOKEN);
    await click('connect-button');

    expect(get('error-message').textContent).toBe(
      'Je Keeping-token is ongeldig of verlopen. Maak een nieuw token aan en verbind opnieuw. Keeping meldt: „Unauthenticated.”',
    );
    expect(query('organisation-select')).toBeNull();
    expect(get('connection-status').textContent).toBe('Niet verbonden');
    expect(callsOf('connection.save')).toHaveLength(0);
  });

  it('explains a 403 (scope, role, plan) in the chosen language', async () => {
    answer({
      'settings.get': async (): Promise<Settings> => ({ language: 'en' }),
      'connection.test': async () => {
        throw new UrenbrugError('forbidden', 'HTTP 403');
      },
    });
    await mount();
    await type('token-input', TOKEN);
    await click('connect-button');
    expect(get('error-message').textContent).toMatch(
      /^Keeping does not allow this\. Check that your token has the right scopes/,
    );
  });

  it('does not send an empty token, and says what to do', async () => {
    answer({});
    await mount();
    await type('token-input', '   \n');
    await click('connect-button');
    expect(get('error-message').textContent).toBe('Plak eerst je toegangstoken in het veld.');
    expect(callsOf('connection.test')).toHaveLength(0);
  });

  it('preselects the only organisation and drops the test result when the token changes', async () => {
    answer({
      'connection.test': async () => ({
        user: { firstName: 'Anna', surname: '' },
        organisations: [organisation(5, 'Solo')],
      }),
    });
    await mount();
    await type('token-input', TOKEN);
    await click('connect-button');
    expect(get<HTMLSelectElement>('organisation-select').value).toBe('5');
    expect(get<HTMLButtonElement>('save-button').disabled).toBe(false);

    await type('token-input', `${TOKEN}x`);
    expect(query('organisation-select')).toBeNull();
  });

  it('shows and hides the token on request', async () => {
    answer({});
    await mount();
    await click('token-toggle');
    expect(get<HTMLInputElement>('token-input').type).toBe('text');
    await click('token-toggle');
    expect(get<HTMLInputElement>('token-input').type).toBe('password');
  });
});

describe('options — connected', () => {
  it('disconnects only after confirmation', async () => {
    answer({
      'connection.status': async () => CONNECTED,
      'connection.disconnect': async () => NOT_CONNECTED,
    });
    await mount();
    expect(get('connection-status').textContent).toBe('Verbonden als Anna van Doorn bij Kantoor Jansen');
    expect(query('token-input')).toBeNull();

    await click('disconnect-button');
    expect(callsOf('connection.disconnect')).toHaveLength(0);
    expect(get('disconnect-confirm').textContent).toContain('Weet je het zeker?');

    await click('disconnect-yes');
    expect(callsOf('connection.disconnect')).toHaveLength(1);
    expect(get('connection-status').textContent).toBe('Niet verbonden');
    expect(container.textContent).toContain('Verbinding verbroken.');
    expect(query('token-input')).not.toBeNull();
  });

  it('keeps the connection and shows why when disconnecting fails', async () => {
    answer({
      'connection.status': async () => CONNECTED,
      'connection.disconnect': async () => {
        throw new UrenbrugError('internal', 'storage failed');
      },
    });
    await mount();
    await click('disconnect-button');
    await click('disconnect-yes');
    expect(get('connection-status').textContent).toBe('Verbonden als Anna van Doorn bij Kantoor Jansen');
    expect(get('error-message').textContent).toContain('Er ging iets mis in Urenbrug.');
  });

  it('says the status is unknown when the background does not answer', async () => {
    answer({
      'connection.status': async () => {
        throw new UrenbrugError('internal', 'No answer to connection.status');
      },
    });
    await mount();
    expect(get('connection-status').textContent).toBe('Verbindingsstatus onbekend');
    expect(get('error-message').textContent).toContain('Er ging iets mis in Urenbrug.');
  });
});

describe('options — language', () => {
  it('switches the UI at once and stores the choice', async () => {
    answer({
      'settings.set': async (data: { language: Settings['language'] }) => ({ language: data.language }),
    });
    await mount();
    const select = get<HTMLSelectElement>('language-select');
    expect(select.value).toBe('nl');

    await act(() => {
      select.value = 'en';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(language.value).toBe('en');
    expect(container.querySelector('h1')?.textContent).toBe('Urenbrug — settings');
    expect(callsOf('settings.set')).toEqual([['settings.set', { language: 'en' }]]);

    await act(() => {
      select.value = 'auto';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(callsOf('settings.set').at(-1)).toEqual(['settings.set', { language: null }]);
  });

  it('goes back to the previous language when saving the choice fails', async () => {
    answer({
      'settings.set': async () => {
        throw new UrenbrugError('internal', 'storage failed');
      },
    });
    await mount();
    const select = get<HTMLSelectElement>('language-select');
    await act(() => {
      select.value = 'en';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(language.value).toBe('nl');
    expect(container.querySelector('h1')?.textContent).toBe('Urenbrug — instellingen');
  });
});

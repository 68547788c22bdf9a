import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import type { Envelope, MessageName, Reply } from '../../shared/messages';
import { FAKE_EXTENSION_ID, FAKE_ORIGIN, storedValue } from '../../shared/testing/fake-browser';
import { saveConnection } from '../account/connection';
import { openUrenbrugDb, type UrenbrugDatabase } from '../db/database';
import { createFakeClient } from '../testing/fake-keeping';
import { createRouter, type Sender, senderTier } from './router';
import { createHandlers, type HandlerTable } from './table';

const self = { id: FAKE_EXTENSION_ID, origin: FAKE_ORIGIN };
const popup: Sender = { id: FAKE_EXTENSION_ID, url: `${FAKE_ORIGIN}src/popup/index.html` };
const optionsTab: Sender = {
  id: FAKE_EXTENSION_ID,
  url: `${FAKE_ORIGIN}src/options/index.html`,
  tab: { url: `${FAKE_ORIGIN}src/options/index.html` },
};
const optionsTabScrubbed: Sender = {
  id: FAKE_EXTENSION_ID,
  url: `${FAKE_ORIGIN}src/options/index.html`,
  tab: {},
};
const exactFrame: Sender = {
  id: FAKE_EXTENSION_ID,
  url: 'https://start.exactonline.nl/docs/SlsEntry.aspx',
  tab: { url: 'https://start.exactonline.nl/docs/MenuPortal.aspx' },
};

const ALL_NAMES: MessageName[] = [
  'connection.test',
  'connection.save',
  'connection.disconnect',
  'settings.set',
  'today.cached',
  'today.refresh',
  'connection.status',
  'settings.get',
];
const TOKEN = 'pat-super-secret-token';

function envelope(name: string, data: unknown = {}): Envelope {
  return { urenbrug: 1, name, data } as Envelope;
}

describe('senderTier', () => {
  it.each<[string, Sender, ReturnType<typeof senderTier>]>([
    ['the popup', popup, 'extension'],
    ['the options page in a tab', optionsTab, 'extension'],
    ['the options page in a tab whose URL Chrome scrubbed', optionsTabScrubbed, 'extension'],
    ['a content script in an Exact frame', exactFrame, 'content'],
    ['another extension', { ...popup, id: 'otherextensionidotherextensionid' }, null],
    ['a sender without id', { url: popup.url }, null],
    ['our page framed inside a web page', { ...popup, tab: { url: 'https://evil.example/' } }, null],
    [
      'another extension’s page claiming our id',
      { id: FAKE_EXTENSION_ID, url: 'chrome-extension://other/x.html' },
      null,
    ],
    [
      'our id without tab or extension URL',
      { id: FAKE_EXTENSION_ID, url: 'https://start.exactonline.nl/' },
      null,
    ],
    [
      'a look-alike origin',
      { id: FAKE_EXTENSION_ID, url: `chrome-extension://${FAKE_EXTENSION_ID}.evil/` },
      null,
    ],
  ])('%s', (_label, sender, tier) => {
    expect(senderTier(sender, self)).toBe(tier);
  });
});

describe('router', () => {
  let db: UrenbrugDatabase;
  let counter = 0;
  let handlers: HandlerTable;
  let route: ReturnType<typeof createRouter>;

  beforeEach(async () => {
    counter += 1;
    db = await openUrenbrugDb(`router-test-${counter}`);
    handlers = createHandlers({
      db: async () => db,
      createClient: () => createFakeClient(),
      now: () => Date.now(),
    });
    route = createRouter(handlers, () => self);
  });
  afterEach(() => db.close());

  async function ask(message: unknown, sender: Sender): Promise<Reply> {
    const reply = await route(message, sender);
    if (!reply) throw new Error('no reply');
    return reply;
  }

  it('does not answer messages that are not Urenbrug envelopes', () => {
    expect(route({ hello: 1 }, popup)).toBeUndefined();
    expect(route('connection.status', popup)).toBeUndefined();
    expect(route({ urenbrug: 2, name: 'connection.status' }, popup)).toBeUndefined();
  });

  it('runs the handler and wraps its value', async () => {
    expect(await ask(envelope('settings.get'), exactFrame)).toEqual({ ok: true, value: { language: null } });
  });

  it('refuses connection.test from a content script without running it', async () => {
    const spy = vi.spyOn(handlers, 'connection.test');
    const reply = await ask(envelope('connection.test', { token: TOKEN }), exactFrame);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('lets an extension page run connection.test', async () => {
    const reply = await ask(envelope('connection.test', { token: TOKEN }), popup);
    expect(reply).toMatchObject({ ok: true, value: { user: { firstName: 'Anna' } } });
  });

  it('refuses everything from an unknown sender', async () => {
    const reply = await ask(envelope('connection.status'), {
      id: 'someone-else',
      url: 'https://evil.example/',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('never lets the token reach a content script, whatever it asks', async () => {
    await saveConnection({
      token: TOKEN,
      organisationId: 12345,
      organisationName: 'De Vries',
      userName: 'Anna',
    });
    const replies: Reply[] = [];
    for (const name of ALL_NAMES) {
      replies.push(
        await ask(envelope(name, { token: TOKEN, organisationId: 12345, language: 'en' }), exactFrame),
      );
    }
    expect(replies.filter((reply) => reply.ok)).toHaveLength(2);
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(TOKEN);
    // And the refused writes did not happen.
    expect(await storedValue('settings')).toBeUndefined();
    expect(await storedValue('connection')).toMatchObject({ token: TOKEN });
  });

  it.each(['no.such.message', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'answers invalid_request for the unknown name %s',
    async (name) => {
      expect(await ask(envelope(name), popup)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    },
  );

  it.each([null, undefined, 'text', 42, []])('refuses request data %j', async (data) => {
    const reply = await ask({ urenbrug: 1, name: 'settings.get', data }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('serialises an UrenbrugError with its code, detail and status', async () => {
    vi.spyOn(handlers, 'settings.get').mockRejectedValue(
      new UrenbrugError('server', 'Keeping 503', 'Onderhoud', 503),
    );
    expect(await ask(envelope('settings.get'), popup)).toEqual({
      ok: false,
      error: { code: 'server', message: 'Keeping 503', detail: 'Onderhoud', status: 503 },
    });
  });

  it('serialises anything else thrown as internal', async () => {
    vi.spyOn(handlers, 'settings.get').mockRejectedValue(new TypeError('boom'));
    expect(await ask(envelope('settings.get'), popup)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});

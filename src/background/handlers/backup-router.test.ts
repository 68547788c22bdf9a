import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupProblemOf } from '../../shared/backup-problem';
import { UrenbrugError } from '../../shared/errors';
import { CONTENT_SCRIPT_MESSAGES, type Envelope, type MessageName } from '../../shared/messages';
import { FAKE_EXTENSION_ID, FAKE_ORIGIN } from '../../shared/testing/fake-browser';
import { type PanelSetup, setupPanel } from '../testing/panel-setup';
import { createRouter, type Sender } from './router';

const self = { id: FAKE_EXTENSION_ID, origin: FAKE_ORIGIN };
const optionsPage: Sender = { id: FAKE_EXTENSION_ID, url: `${FAKE_ORIGIN}src/options/index.html` };
const exactFrame: Sender = {
  id: FAKE_EXTENSION_ID,
  url: 'https://start.exactonline.nl/docs/SlsEntry.aspx',
  tab: { url: 'https://start.exactonline.nl/docs/MenuPortal.aspx' },
};
const DATA_MESSAGES: MessageName[] = [
  'backup.export',
  'backup.import',
  'writeback.status',
  'writeback.retry',
];

let setup: PanelSetup;
let route: ReturnType<typeof createRouter>;
beforeEach(async () => {
  setup = await setupPanel();
  route = createRouter(setup.start({ holdWriteBack: true }).handlers, () => self);
});
afterEach(() => setup.close());

const envelope = (name: MessageName, data: unknown = {}) => ({ urenbrug: 1, name, data }) as Envelope;

describe('backup and write-back status: extension pages only', () => {
  it('refuses backup.export (and the other data messages) to a content script', async () => {
    for (const name of DATA_MESSAGES) {
      expect(CONTENT_SCRIPT_MESSAGES.has(name)).toBe(false);
      const reply = await route(envelope(name, { text: '{}' }), exactFrame);
      expect(reply, name).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_allowed' }) });
    }
  });

  it('answers backup.export to the options page, and a refused import crosses as a typed error', async () => {
    expect(await route(envelope('backup.export'), optionsPage)).toMatchObject({
      ok: true,
      value: { format: 'urenbrug-backup', version: 1 },
    });
    const refused = await route(envelope('backup.import', { text: 'nope' }), optionsPage);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', reason: { kind: 'backup', problem: 'not_json' } },
    });
    // The reason is a field of its own: the message stays free text, and JSON carries the field.
    if (!refused || refused.ok) throw new Error('expected a refusal');
    expect(refused.error.message).toBe('The file is not JSON');
    const received = UrenbrugError.from(JSON.parse(JSON.stringify(refused.error)));
    expect(backupProblemOf(received)).toBe('not_json');
  });
});

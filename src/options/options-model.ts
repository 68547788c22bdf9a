/**
 * The options page's state and actions. The token lives here only between pasting and
 * saving; after a successful save it is cleared and never shown or logged again.
 */
import { signal } from '@preact/signals';
import { type ErrorReason, toUrenbrugError, type UrenbrugError } from '../shared/errors';
import { type MessageKey, setLanguagePreference } from '../shared/i18n';
import { type ConnectionStatus, type ConnectionTestResult, type Language, send } from '../shared/messages';
import { backupFileName, downloadJson } from '../ui/download';
import { clearTodaySnapshot } from '../ui/today-snapshot';
import { normalizeToken } from './token';

/** The other organisation's work a switch would drop, as the background counted it. */
export type OrganisationSwitch = Extract<ErrorReason, { kind: 'organisation_switch' }>;

export type Busy = 'testing' | 'saving' | 'disconnecting' | null;

export type OptionsModel = ReturnType<typeof createOptionsModel>;

export function createOptionsModel() {
  /** null while the first connection.status is on its way, or when it failed. */
  const status = signal<ConnectionStatus | null>(null);
  const checking = signal(true);
  const token = signal('');
  const testResult = signal<ConnectionTestResult | null>(null);
  const organisationId = signal<number | null>(null);
  const error = signal<UrenbrugError | null>(null);
  /** A problem found before asking the background (an empty token). */
  const hint = signal<MessageKey | null>(null);
  const notice = signal<MessageKey | null>(null);
  const busy = signal<Busy>(null);
  /** Show the token form although a connection exists (switching token or organisation). */
  const editing = signal(false);
  const languagePreference = signal<Language | null>(null);
  /** Kept apart from `error` so a failed language save does not read as a connection problem. */
  const languageError = signal<UrenbrugError | null>(null);

  function fail(caught: unknown): void {
    error.value = toUrenbrugError(caught);
  }

  async function start(): Promise<void> {
    const [settings, current] = await Promise.allSettled([
      send('settings.get', {}),
      send('connection.status', {}),
    ]);
    if (settings.status === 'fulfilled') {
      languagePreference.value = settings.value.language;
      setLanguagePreference(settings.value.language);
    }
    if (current.status === 'fulfilled') status.value = current.value;
    else fail(current.reason);
    checking.value = false;
  }

  function setToken(value: string): void {
    token.value = value;
    // A different token makes the last test's answer meaningless.
    testResult.value = null;
    organisationId.value = null;
    error.value = null;
    hint.value = null;
  }

  async function testConnection(): Promise<void> {
    const cleaned = normalizeToken(token.value);
    error.value = null;
    notice.value = null;
    testResult.value = null;
    if (cleaned === '') {
      hint.value = 'token_empty';
      return;
    }
    hint.value = null;
    busy.value = 'testing';
    try {
      const result = await send('connection.test', { token: cleaned });
      testResult.value = result;
      // One organisation is the usual case: choose it so "Verbinden" is one click.
      organisationId.value = result.organisations.length === 1 ? (result.organisations[0]?.id ?? null) : null;
    } catch (caught) {
      fail(caught);
    } finally {
      busy.value = null;
    }
  }

  /** Connecting was refused: another organisation's work would be dropped (asked first). */
  const switchWork = signal<OrganisationSwitch | null>(null);
  /** Its back-up was downloaded in this attempt. */
  const backedUp = signal(false);

  async function downloadOtherWork(): Promise<void> {
    const pending = switchWork.value;
    if (!pending) return;
    try {
      const backup = await send('backup.export', { organisationId: pending.organisationId });
      downloadJson(backup, backupFileName(new Date()));
      backedUp.value = true;
    } catch (caught) {
      fail(caught);
    }
  }

  async function save(dropOtherWork = false): Promise<void> {
    const chosen = organisationId.value;
    if (chosen === null || testResult.value === null) return;
    error.value = null;
    busy.value = 'saving';
    try {
      // The popup's kept "today" belonged to the previous connection.
      clearTodaySnapshot();
      status.value = await send('connection.save', {
        token: normalizeToken(token.value),
        organisationId: chosen,
        ...(dropOtherWork ? { dropOtherWork } : {}),
      });
      switchWork.value = null;
      backedUp.value = false;
      token.value = '';
      testResult.value = null;
      organisationId.value = null;
      editing.value = false;
    } catch (caught) {
      const failure = toUrenbrugError(caught);
      if (failure.reason?.kind === 'organisation_switch') switchWork.value = failure.reason;
      else fail(caught);
    } finally {
      busy.value = null;
    }
  }

  async function disconnect(): Promise<void> {
    error.value = null;
    busy.value = 'disconnecting';
    try {
      clearTodaySnapshot();
      status.value = await send('connection.disconnect', {});
      setToken('');
      editing.value = false;
      notice.value = 'disconnected';
    } catch (caught) {
      fail(caught);
    } finally {
      busy.value = null;
    }
  }

  async function setLanguage(preference: Language | null): Promise<void> {
    const previous = languagePreference.value;
    // Switch at once; the stored setting follows.
    languagePreference.value = preference;
    setLanguagePreference(preference);
    languageError.value = null;
    try {
      const saved = await send('settings.set', { language: preference });
      // The popup's kept "today" would open once in the old language.
      clearTodaySnapshot();
      languagePreference.value = saved.language;
      setLanguagePreference(saved.language);
    } catch (caught) {
      languagePreference.value = previous;
      setLanguagePreference(previous);
      languageError.value = toUrenbrugError(caught);
    }
  }

  return {
    status,
    checking,
    token,
    testResult,
    organisationId,
    error,
    hint,
    notice,
    busy,
    editing,
    languagePreference,
    languageError,
    start,
    setToken,
    testConnection,
    save,
    switchWork,
    backedUp,
    downloadOtherWork,
    disconnect,
    setLanguage,
  };
}

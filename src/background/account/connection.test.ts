import { describe, expect, it } from 'vitest';
import { fakeBrowser, setUiLanguage, storedValue } from '../../shared/testing/fake-browser';
import { clearConnection, connectionStatus, getConnection, saveConnection } from './connection';
import { getSettings, resolveLanguage, updateSettings } from './settings-store';

const connection = {
  token: 'pat-secret-123',
  organisationId: 12345,
  organisationName: 'De Vries',
  userName: 'Anna',
};

describe('connection', () => {
  it('saves, reads, reports status without the token, and clears', async () => {
    expect(await getConnection()).toBeNull();
    expect(await connectionStatus()).toEqual({
      connected: false,
      organisationId: null,
      organisationName: null,
      userName: null,
    });

    await saveConnection(connection);
    expect(await getConnection()).toEqual(connection);
    const status = await connectionStatus();
    expect(status).toEqual({
      connected: true,
      organisationId: 12345,
      organisationName: 'De Vries',
      userName: 'Anna',
    });
    expect(JSON.stringify(status)).not.toContain(connection.token);

    await clearConnection();
    expect(await getConnection()).toBeNull();
    expect(await storedValue('connection')).toBeUndefined();
  });

  it('stores only the known fields', async () => {
    await saveConnection({ ...connection, extra: 'x' } as typeof connection);
    expect(await storedValue('connection')).toEqual(connection);
  });

  it('refuses to save an incomplete connection', async () => {
    await expect(saveConnection({ ...connection, token: '' })).rejects.toThrow(TypeError);
    await expect(saveConnection({ ...connection, organisationId: 1.5 })).rejects.toThrow(TypeError);
    expect(await storedValue('connection')).toBeUndefined();
  });

  it.each([
    ['a string', 'token'],
    ['null', null],
    ['a record without token', { organisationId: 1, organisationName: 'x', userName: 'y' }],
    ['a record with a text organisation id', { ...connection, organisationId: '12345' }],
  ])('treats %s in storage as not connected', async (_label, stored) => {
    await fakeBrowser.storage.local.set({ connection: stored });
    expect(await getConnection()).toBeNull();
    expect((await connectionStatus()).connected).toBe(false);
  });
});

describe('settings', () => {
  it('defaults to following the browser language', async () => {
    expect(await getSettings()).toEqual({ language: null });
  });

  it('merges an update and answers the result', async () => {
    expect(await updateSettings({ language: 'en' })).toEqual({ language: 'en' });
    expect(await getSettings()).toEqual({ language: 'en' });
    expect(await updateSettings({})).toEqual({ language: 'en' });
    expect(await updateSettings({ language: null })).toEqual({ language: null });
  });

  it.each([
    ['an unknown language', { language: 'de' }],
    ['an unknown field', { theme: 'dark' }],
    ['not an object', 'en'],
    ['null', null],
  ])('refuses %s and writes nothing', async (_label, update) => {
    await updateSettings({ language: 'nl' });
    await expect(updateSettings(update)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await getSettings()).toEqual({ language: 'nl' });
  });

  it('ignores a malformed stored value', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'klingon' } });
    expect(await getSettings()).toEqual({ language: null });
  });

  it('resolves the language from the setting, else from the browser', async () => {
    setUiLanguage('nl-BE');
    expect(await resolveLanguage()).toBe('nl');
    setUiLanguage('fr-FR');
    expect(await resolveLanguage()).toBe('en');
    await updateSettings({ language: 'nl' });
    expect(await resolveLanguage()).toBe('nl');
  });
});

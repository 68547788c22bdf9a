import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCode, normaliseCompanyName, suggestClient } from './client-match';
import type { Client } from './keeping-types';

function client(id: number, name: string, overrides: Partial<Client> = {}): Client {
  return { id, organisationId: 1, name, code: null, state: 'active', ...overrides };
}

describe('normaliseCompanyName', () => {
  it('ignores case, accents, punctuation and legal forms', () => {
    expect(normaliseCompanyName('Bakkerij De Vries B.V.')).toBe('bakkerij de vries');
    expect(normaliseCompanyName('bakkerij  de vries')).toBe('bakkerij de vries');
    expect(normaliseCompanyName('Café Één, V.O.F.')).toBe('cafe een');
    expect(normaliseCompanyName('Jansen & Zn. N.V.')).toBe('jansen zn');
    expect(normaliseCompanyName('Installatiebedrijf Smit BV')).toBe('installatiebedrijf smit');
  });

  it('keeps legal-form letters inside words and returns "" for nothing', () => {
    expect(normaliseCompanyName('BVD Advies')).toBe('bvd advies');
    expect(normaliseCompanyName('  ...  ')).toBe('');
    expect(normaliseCompanyName('B.V.')).toBe('');
  });

  it('is idempotent for any input', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const once = normaliseCompanyName(name);
        expect(normaliseCompanyName(once)).toBe(once);
      }),
    );
  });
});

describe('normaliseCode', () => {
  it('trims, lower-cases and drops leading zeros of numeric codes', () => {
    expect(normaliseCode('   001001')).toBe('1001');
    expect(normaliseCode('K-12 ')).toBe('k-12');
    expect(normaliseCode('0')).toBe('0');
    expect(normaliseCode(null)).toBe('');
  });
});

describe('suggestClient', () => {
  const clients = [
    client(1, 'Bakkerij de Vries'),
    client(2, 'Autobedrijf Jansen', { code: '1002' }),
    client(3, 'Smit Installatie'),
    client(4, 'Smit Installatietechniek'),
  ];

  it('suggests by normalised name', () => {
    expect(suggestClient({ code: '9999', name: 'Bakkerij De Vries B.V.' }, clients)).toEqual({
      client: clients[0],
      reason: 'name',
    });
  });

  it('prefers the same code over the name', () => {
    const found = suggestClient({ code: '   1002', name: 'Bakkerij de Vries' }, clients);
    expect(found?.client.id).toBe(2);
    expect(found?.reason).toBe('code');
  });

  it('falls back to a name that starts the other', () => {
    const found = suggestClient({ code: '', name: 'Bakkerij De Vries Haarlem B.V.' }, clients);
    expect(found).toEqual({ client: clients[0], reason: 'similar' });
  });

  it('does not guess between two equal candidates or from a tiny name', () => {
    expect(suggestClient({ code: '', name: 'Smit' }, clients)).toBeNull();
    expect(suggestClient({ code: '', name: 'Bak' }, [client(9, 'Bak Holding')])).toBeNull();
    expect(suggestClient({ code: '', name: '' }, clients)).toBeNull();
    expect(suggestClient({ code: '', name: 'Onbekend' }, clients)).toBeNull();
    expect(suggestClient({ code: '', name: 'Bakkerij de Vries' }, [])).toBeNull();
  });

  it('prefers an active client over an inactive one with the same name', () => {
    const found = suggestClient({ code: '', name: 'Jansen' }, [
      client(5, 'Jansen', { state: 'inactive' }),
      client(6, 'JANSEN B.V.'),
    ]);
    expect(found?.client.id).toBe(6);
    const onlyInactive = suggestClient({ code: '', name: 'Jansen' }, [
      client(5, 'Jansen', { state: 'inactive' }),
    ]);
    expect(onlyInactive?.client.id).toBe(5);
  });
});

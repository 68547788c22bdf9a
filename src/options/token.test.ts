import { describe, expect, it } from 'vitest';
import { normalizeToken } from './token';

describe('normalizeToken', () => {
  it('strips surrounding and wrapped whitespace', () => {
    expect(normalizeToken('  eyJ0eXAi.eyJhdWQi.c2ln \n')).toBe('eyJ0eXAi.eyJhdWQi.c2ln');
    expect(normalizeToken('eyJ0eXAi.\n  eyJhdWQi.c2ln')).toBe('eyJ0eXAi.eyJhdWQi.c2ln');
  });

  it('drops a copied "Bearer " prefix, in any case', () => {
    expect(normalizeToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(normalizeToken('bearer\tabc.def.ghi')).toBe('abc.def.ghi');
  });

  it('leaves an empty or blank paste empty', () => {
    expect(normalizeToken('')).toBe('');
    expect(normalizeToken('   \n ')).toBe('');
    expect(normalizeToken('Bearer ')).toBe('');
  });
});

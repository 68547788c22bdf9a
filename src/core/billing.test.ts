import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  billedBy,
  billingState,
  fnv1a64,
  isUrenbrugReferenceId,
  KEEPING_INVOICE_REFERENCE_TYPES,
  URENBRUG_REFERENCE_PREFIX,
  urenbrugReference,
  urenbrugReferenceId,
} from './billing';
import type { ExternalReference } from './keeping-types';
import { makeEntry } from './testing/entry-fixture';

const KEEPING_ID = /^[0-9a-f]{10,40}$/;
const NO_LINKS = new Map<number, string>();

function ref(type: string, id: string, name = ''): ExternalReference {
  return { id, type, name, url: null };
}

describe('fnv1a64', () => {
  it('matches the published FNV-1a/64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the same bytes as TextEncoder, lone surrogates and astral characters included', () => {
    // The runtime's encoder is the reference; core/ itself compiles without the types that declare it.
    const { TextEncoder } = globalThis as unknown as {
      TextEncoder: new () => { encode(text: string): Uint8Array };
    };
    const encoder = new TextEncoder();
    function reference(text: string): string {
      let hash = 0xcbf29ce484222325n;
      for (const byte of encoder.encode(text))
        hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return hash.toString(16).padStart(16, '0');
    }
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const text = fc.string({ unit: fc.oneof(codeUnit, fc.constantFrom('€', 'ë', '😀', '\ud800', '\udfff')) });
    fc.assert(fc.property(text, (value) => fnv1a64(value) === reference(value)));
    expect(fnv1a64('€ ë 😀 \ud800')).toBe(reference('€ ë 😀 \ud800'));
  });
});

describe('urenbrugReferenceId', () => {
  it('is stable: these ids are already on entries in Keeping and must never change', () => {
    expect(urenbrugReferenceId(123456, 'd1d1c1f2-5c3a-4e2b-9a11-0f7e9b3c2a10')).toBe(
      urenbrugReferenceId('123456', '{D1D1C1F2-5C3A-4E2B-9A11-0F7E9B3C2A10}'),
    );
    // Computed independently: "eb0b0e" + FNV-1a/64("urenbrug\0" + division + "\0" + key).
    expect(urenbrugReferenceId(123456, 'd1d1c1f2-5c3a-4e2b-9a11-0f7e9b3c2a10')).toBe(
      'eb0b0e7dd1eefef5405084',
    );
  });

  it('differs per division and per invoice', () => {
    const base = urenbrugReferenceId(1, 'inv-1');
    expect(urenbrugReferenceId(2, 'inv-1')).not.toBe(base);
    expect(urenbrugReferenceId(1, 'inv-2')).not.toBe(base);
    // The separator keeps "1" + "2x" apart from "12" + "x".
    expect(urenbrugReferenceId(1, '2x')).not.toBe(urenbrugReferenceId(12, 'x'));
  });

  it('always fits Keeping’s id pattern and carries the prefix', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.string(), (division, key) => {
        const id = urenbrugReferenceId(division, key);
        expect(id).toMatch(KEEPING_ID);
        expect(id.startsWith(URENBRUG_REFERENCE_PREFIX)).toBe(true);
        expect(isUrenbrugReferenceId(id)).toBe(true);
      }),
    );
  });
});

describe('isUrenbrugReferenceId', () => {
  it('rejects other tools’ ids', () => {
    expect(isUrenbrugReferenceId('0cc175b9c0f1b6a831c399e269772661')).toBe(false); // md5
    expect(isUrenbrugReferenceId(`${URENBRUG_REFERENCE_PREFIX}0123456789`)).toBe(false); // too short
    expect(isUrenbrugReferenceId(`${URENBRUG_REFERENCE_PREFIX}0123456789ABCDEF`)).toBe(false); // upper case
  });
});

describe('urenbrugReference', () => {
  it('builds a generic work reference with a capped name', () => {
    const reference = urenbrugReference(7, 'abc', `  ${'x'.repeat(300)}  `);
    expect(reference.type).toBe('generic_work_reference');
    expect(reference.id).toBe(urenbrugReferenceId(7, 'abc'));
    expect(reference.name).toHaveLength(191);
    expect(reference.url).toBeNull();
    expect(urenbrugReference(7, 'abc', '😀'.repeat(200)).name).toBe('😀'.repeat(191));
  });
});

describe('billedBy', () => {
  it.each([...KEEPING_INVOICE_REFERENCE_TYPES])('recognises %s', (type) => {
    const entry = makeEntry({
      id: 1,
      locked: true,
      externalReferences: [ref(type, 'abcdef0123', 'F2026-001')],
    });
    expect(billedBy(entry, NO_LINKS)).toEqual({ kind: 'keeping_invoice', invoice: 'F2026-001' });
  });

  it('falls back to the reference id when the name is empty', () => {
    const entry = makeEntry({ id: 1, externalReferences: [ref('exact_online_invoice', 'abcdef0123', ' ')] });
    expect(billedBy(entry, NO_LINKS)).toEqual({ kind: 'keeping_invoice', invoice: 'abcdef0123' });
  });

  it('recognises Urenbrug’s own reference but not other generic references', () => {
    const ours = urenbrugReference(1, 'inv', 'Factuur 42');
    expect(billedBy(makeEntry({ id: 1, externalReferences: [ours] }), NO_LINKS)).toEqual({
      kind: 'urenbrug_reference',
      invoice: 'Factuur 42',
    });
    const foreign = ref('generic_work_reference', '0cc175b9c0f1b6a831c399e269772661', 'JIRA-1');
    expect(billedBy(makeEntry({ id: 1, externalReferences: [foreign] }), NO_LINKS)).toBeNull();
    // Our id under another type (e.g. a task tracker) does not count.
    const wrongType = { ...ours, type: 'trello_card' };
    expect(billedBy(makeEntry({ id: 1, externalReferences: [wrongType] }), NO_LINKS)).toBeNull();
  });

  it('uses the local link map last', () => {
    const links = new Map([[5, 'concept 17']]);
    expect(billedBy(makeEntry({ id: 5 }), links)).toEqual({ kind: 'local_link', invoice: 'concept 17' });
    expect(billedBy(makeEntry({ id: 6 }), links)).toBeNull();
  });

  it('prefers Keeping’s integration over Urenbrug’s reference over a local link', () => {
    const ours = urenbrugReference(1, 'inv', 'U-1');
    const keeping = ref('moneybird_invoice', 'abcdef0123', 'M-1');
    const links = new Map([[1, 'L-1']]);
    expect(billedBy(makeEntry({ id: 1, externalReferences: [ours, keeping] }), links)?.kind).toBe(
      'keeping_invoice',
    );
    expect(billedBy(makeEntry({ id: 1, externalReferences: [ours] }), links)?.kind).toBe(
      'urenbrug_reference',
    );
  });

  it('ignores references that are not invoices (payslips, tasks)', () => {
    const entry = makeEntry({
      id: 1,
      locked: true,
      externalReferences: [ref('leave_mutation', 'abcdef0123'), ref('github_issue', 'abcdef0124')],
    });
    expect(billedBy(entry, NO_LINKS)).toBeNull();
  });
});

describe('billingState', () => {
  it('reports a lock that is not billing separately', () => {
    expect(billingState(makeEntry({ id: 1, locked: true }), NO_LINKS)).toEqual({ state: 'locked' });
    expect(billingState(makeEntry({ id: 1 }), NO_LINKS)).toEqual({ state: 'open' });
    const billed = makeEntry({
      id: 1,
      locked: true,
      externalReferences: [ref('jortt_invoice', 'abcdef0123', 'J')],
    });
    expect(billingState(billed, NO_LINKS)).toEqual({
      state: 'billed',
      by: { kind: 'keeping_invoice', invoice: 'J' },
    });
  });
});

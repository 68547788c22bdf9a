import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../core/testing/entry-fixture';
import { lineNotes } from './line-notes';

const names = new Map([
  [1, 'Anna van Doorn'],
  [2, 'Bram\nde Boer'],
]);
const personName = (id: number) => names.get(id) ?? `#${id}`;

describe('lineNotes', () => {
  it('lists date, person, hours and note per entry in the locale', () => {
    const entries = [
      makeEntry({ id: 1, date: '2026-05-04', minutes: 90, note: 'Balans\r\nopgesteld' }),
      makeEntry({ id: 2, date: '2026-05-05', userId: 2, minutes: 15 }),
    ];
    expect(lineNotes(entries, personName, 'nl')).toBe(
      '04-05-2026  Anna van Doorn  1:30  Balans opgesteld\n05-05-2026  Bram de Boer  0:15',
    );
    expect(lineNotes(entries.slice(0, 1), personName, 'en')).toBe(
      '04/05/2026  Anna van Doorn  1:30  Balans opgesteld',
    );
  });

  it('keeps markup as plain text', () => {
    const note = '<img src=x onerror=alert(1)>';
    expect(lineNotes([makeEntry({ id: 1, note })], personName, 'nl')).toContain(note);
  });

  it('is empty for no entries', () => {
    expect(lineNotes([], personName, 'nl')).toBe('');
  });

  it('never exceeds the maximum and counts what it left out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 12, max: 400 }), (count, max) => {
        const entries = Array.from({ length: count }, (_, index) =>
          makeEntry({ id: index + 1, note: 'x'.repeat(index % 30) }),
        );
        const text = lineNotes(entries, personName, 'nl', max);
        expect(text.length).toBeLessThanOrEqual(max);
        const lines = text.split('\n');
        const marker = /^\(\+(\d+)\)$/.exec(lines[lines.length - 1] ?? '');
        const listed = marker ? lines.length - 1 : lines.length;
        expect(listed + (marker ? Number(marker[1]) : 0)).toBe(count);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { periodFromText } from './invoice-period';

describe('periodFromText', () => {
  it.each([
    ['Uren oktober 2026', { from: '2026-10-01', to: '2026-10-31' }],
    ['Werkzaamheden okt. 2026', { from: '2026-10-01', to: '2026-10-31' }],
    ['Hours Oct 2026', { from: '2026-10-01', to: '2026-10-31' }],
    ['February 2028', { from: '2028-02-01', to: '2028-02-29' }],
    ['Periode 1-10-2026 t/m 31-10-2026', { from: '2026-10-01', to: '2026-10-31' }],
    ['01/09/2026 - 15/09/2026', { from: '2026-09-01', to: '2026-09-15' }],
    ['2026-10-01 tot 2026-10-31', { from: '2026-10-01', to: '2026-10-31' }],
    ['Uren 10-2026', { from: '2026-10-01', to: '2026-10-31' }],
  ])('reads "%s"', (text, range) => {
    expect(periodFromText(text)).toEqual(range);
  });

  it.each([
    'Werkzaamheden',
    'Uren vorige maand',
    '31-02-2026 t/m 31-03-2026',
    '31-10-2026 t/m 1-10-2026',
    'Project 2026',
    '13-2026',
  ])('names no period in "%s"', (text) => {
    expect(periodFromText(text)).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUPINGS } from './grouping';
import { exactLineAmountCents, formatQuantity } from './hours';
import { type InvoiceLineOptions, planInvoiceLines } from './invoice-lines';
import type { Entry } from './keeping-types';
import { amountCents } from './money';
import { isExactStep, KNOWN_ROUNDING_UNITS, roundMinutes } from './rounding';
import { entriesArbitrary } from './testing/entry-arbitrary';
import { makeEntry } from './testing/entry-fixture';

const options: InvoiceLineOptions = {
  grouping: 'project_task',
  rounding: { unit: 15, mode: 'up', scope: 'entry' },
  rates: {
    rules: new Map([
      ['p:1', { rateCents: 9500, itemCode: 'ADVIES' }],
      ['p:1:t:8', { rateCents: 12_000 }],
    ]),
    defaultRateCents: 8000,
    defaultItemCode: 'UREN',
  },
  template: '{project} - {taak} - {periode}',
  locale: 'nl',
  period: { from: '2026-04-01', to: '2026-04-30' },
  names: {
    projects: new Map([
      [1, 'Website'],
      [2, 'App'],
    ]),
    tasks: new Map([
      [7, 'Ontwerp'],
      [8, 'Bouw'],
    ]),
    users: new Map([[1, 'Anna']]),
  },
};

const entries: Entry[] = [
  makeEntry({ id: 1, projectId: 1, taskId: 7, minutes: 50, note: 'Schets' }),
  makeEntry({ id: 2, projectId: 1, taskId: 7, minutes: 20 }),
  makeEntry({ id: 3, projectId: 1, taskId: 8, minutes: 20 }),
  makeEntry({ id: 4, projectId: 2, taskId: null, minutes: 20 }),
];

/** Exact's computation from the typed text, independent of the code under test. */
function amountFromText(quantityText: string, unitPriceCents: number): number {
  const [whole, fraction = ''] = quantityText.split(',');
  const scale = 10n ** BigInt(fraction.length);
  const product = BigInt(`${whole}${fraction}`) * BigInt(unitPriceCents);
  let cents = product / scale;
  if ((product % scale) * 2n >= scale) cents += 1n;
  return Number(cents);
}

describe('planInvoiceLines', () => {
  it('builds priced, described lines and totals', () => {
    const plan = planInvoiceLines(entries, options);
    expect(plan.lines.map((line) => line.key)).toEqual(['p:2:t:-', 'p:1:t:8', 'p:1:t:7']);
    const [app, bouw, ontwerp] = plan.lines;
    expect(ontwerp).toMatchObject({
      entryIds: [1, 2],
      description: 'Website - Ontwerp - april 2026',
      itemCode: 'ADVIES',
      quantity: { tenThousandths: 15_000 },
      quantityText: '1,5',
      unitPriceCents: 9500,
      amountCents: 14_250,
      rawMinutes: 70,
      roundedMinutes: 90,
      differenceCents: 14_250 - 11_083, // 70 min × €95 = €110.83
      notes: ['Schets'],
      rateSource: 'project',
      itemSource: 'project',
      rateConflict: false,
    });
    // 20 min rounded up to 30: 0.5 h × €120 = €60; raw 20 min × €120 = €40.
    expect(bouw).toMatchObject({
      unitPriceCents: 12_000,
      itemCode: 'ADVIES',
      amountCents: 6000,
      differenceCents: 2000,
      rateSource: 'task',
      itemSource: 'project',
    });
    // 0.5 h × €80 = €40; raw 20 min × €80 = €26.67.
    expect(app).toMatchObject({
      description: 'App - april 2026',
      unitPriceCents: 8000,
      itemCode: 'UREN',
      amountCents: 4000,
      differenceCents: 1333,
    });
    expect(plan.totals).toEqual({
      rawMinutes: 110,
      roundedMinutes: 150,
      amountCents: 24_250,
      rawAmountCents: 11_083 + 4000 + 2667,
      differenceCents: 24_250 - (11_083 + 4000 + 2667),
      roundingCents: 24_250 - (11_083 + 4000 + 2667),
      precisionCents: 0,
      lineCount: 3,
    });
  });

  it('writes a quantity Exact cannot keep exactly at its precision, and says what that bills', () => {
    const unrounded = { ...options, rounding: { unit: 0, mode: 'up', scope: 'line' } } as const;
    const worked = [makeEntry({ id: 1, projectId: 2, minutes: 515 })];
    // 8:35 = 8,58333 h: Exact keeps 8,58 (8,583 at 3 decimals); at €96 that is €823,68, not €824.
    const rates = { rules: new Map(), defaultRateCents: 9600, defaultItemCode: 'UREN' };
    const two = planInvoiceLines(worked, { ...unrounded, rates });
    expect(two.lines[0]).toMatchObject({
      quantityText: '8,58',
      amountCents: 82_368,
      roundingCents: 0,
      precisionCents: -32,
      precisionHundredths: -20,
    });
    expect(two.totals).toMatchObject({ roundingCents: 0, precisionCents: -32, differenceCents: -32 });
    const three = planInvoiceLines(worked, { ...unrounded, rates, quantityDecimals: 3 });
    expect(three.lines[0]).toMatchObject({
      quantityText: '8,583',
      amountCents: 82_397,
      precisionCents: -3,
      precisionHundredths: -2,
    });
  });

  it('flags a line whose entries resolve to different rates and uses the shared level', () => {
    const plan = planInvoiceLines(entries.slice(0, 3), { ...options, grouping: 'project' });
    expect(plan.lines[0]).toMatchObject({
      key: 'p:1',
      unitPriceCents: 9500,
      rateSource: 'project',
      rateConflict: true,
    });
    const total = planInvoiceLines(entries, { ...options, grouping: 'total' });
    expect(total.lines[0]).toMatchObject({ unitPriceCents: 8000, rateSource: 'default', rateConflict: true });
    expect(total.lines[0]?.description).toBe('App, Website - Bouw, Ontwerp - april 2026');
  });

  it('describes with people, dates and notes in English too', () => {
    const plan = planInvoiceLines(entries.slice(0, 2), {
      ...options,
      locale: 'en',
      grouping: 'day',
      template: '{date}: {employee} ({notes})',
    });
    expect(plan.lines[0]?.description).toBe('15 April 2026: Anna (Schets)');
    expect(plan.lines[0]?.quantityText).toBe('1.5');
  });

  it('gives an empty plan for no entries', () => {
    expect(planInvoiceLines([], options)).toEqual({
      lines: [],
      totals: {
        rawMinutes: 0,
        roundedMinutes: 0,
        amountCents: 0,
        rawAmountCents: 0,
        differenceCents: 0,
        roundingCents: 0,
        precisionCents: 0,
        lineCount: 0,
      },
    });
  });

  it('holds its invariants for any entries, grouping, rounding and rates', () => {
    const settings = fc.record({
      grouping: fc.constantFrom(...GROUPINGS),
      unit: fc.constantFrom(...KNOWN_ROUNDING_UNITS),
      decimals: fc.constantFrom(2, 3 as const),
      mode: fc.constantFrom('up', 'nearest' as const),
      scope: fc.constantFrom('entry', 'line' as const),
      defaultRate: fc.integer({ min: 0, max: 50_000 }),
      projectRate: fc.integer({ min: 0, max: 50_000 }),
    });
    fc.assert(
      fc.property(entriesArbitrary(), settings, (list, s) => {
        const plan = planInvoiceLines(list, {
          ...options,
          grouping: s.grouping,
          rounding: { unit: s.unit, mode: s.mode, scope: s.scope },
          rates: {
            rules: new Map([['p:1', { rateCents: s.projectRate }]]),
            defaultRateCents: s.defaultRate,
            defaultItemCode: 'U',
          },
          quantityDecimals: s.decimals,
        });
        // Every entry on exactly one line.
        const ids = plan.lines.flatMap((line) => line.entryIds).sort((a, b) => a - b);
        expect(ids).toEqual(list.map((e) => e.id));
        const byId = new Map(list.map((e) => [e.id, e]));
        for (const line of plan.lines) {
          const minutes = line.entryIds.map((id) => byId.get(id)!.minutes);
          const raw = minutes.reduce((a, b) => a + b, 0);
          const rounding = { unit: s.unit, mode: s.mode };
          expect(line.roundedMinutes).toBe(
            s.scope === 'entry'
              ? minutes.reduce((t, m) => t + roundMinutes(m, rounding), 0)
              : roundMinutes(raw, rounding),
          );
          // Whole cents; quantity × price as typed gives the amount; difference is against raw.
          expect(Number.isSafeInteger(line.amountCents)).toBe(true);
          expect(line.quantityText).toBe(formatQuantity(line.quantity, 'nl'));
          expect(amountFromText(line.quantityText, line.unitPriceCents)).toBe(line.amountCents);
          expect(exactLineAmountCents(line.quantity, line.unitPriceCents)).toBe(line.amountCents);
          expect(line.differenceCents).toBe(
            line.amountCents - amountCents(line.rawMinutes, line.unitPriceCents),
          );
          // The stored quantity has the administration's decimals and costs at most half its last
          // decimal of an hour, plus a cent of rounding; rounding and precision add up to the difference.
          expect(line.quantity.tenThousandths % 10 ** (4 - s.decimals)).toBe(0);
          const exact = amountCents(line.roundedMinutes, line.unitPriceCents);
          expect(line.precisionCents).toBe(line.amountCents - exact);
          expect(Math.abs(line.precisionCents)).toBeLessThanOrEqual(
            Math.ceil(line.unitPriceCents / (2 * 10 ** s.decimals)) + 1,
          );
          expect(line.roundingCents + line.precisionCents).toBe(line.differenceCents);
          // "niet afronden" has no rounding of its own; an exact step has no precision difference.
          if (s.unit <= 1) expect(line.roundingCents).toBe(0);
          if (isExactStep(s.unit, s.decimals)) {
            expect(line.precisionHundredths).toBe(0);
            expect(line.precisionCents).toBe(0);
          }
          expect(line.description.length).toBeLessThanOrEqual(255);
        }
        const sum = (pick: (line: (typeof plan.lines)[number]) => number): number =>
          plan.lines.reduce((total, line) => total + pick(line), 0);
        expect(plan.totals.amountCents).toBe(sum((line) => line.amountCents));
        // To the cent: the sum of stored quantity × price, each rounded as Exact rounds, from the text.
        expect(plan.totals.amountCents).toBe(
          sum((line) => amountFromText(line.quantityText, line.unitPriceCents)),
        );
        expect(plan.totals.precisionCents).toBe(sum((line) => line.precisionCents));
        expect(plan.totals.differenceCents).toBe(sum((line) => line.differenceCents));
        expect(plan.totals.rawMinutes).toBe(list.reduce((t, e) => t + e.minutes, 0));
        expect(plan.totals.roundedMinutes).toBe(sum((line) => line.roundedMinutes));
        expect(plan.totals.lineCount).toBe(plan.lines.length);
        if (s.scope === 'entry') {
          expect(plan.totals.roundedMinutes).toBe(
            list.reduce((t, e) => t + roundMinutes(e.minutes, { unit: s.unit, mode: s.mode }), 0),
          );
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MinuteRounding, ROUNDING_UNITS, type RoundingUnit, roundLine, roundMinutes } from './rounding';

const units = fc.constantFrom(...ROUNDING_UNITS);
const modes = fc.constantFrom('up', 'nearest' as const);

describe('roundMinutes', () => {
  it.each([
    [7, 15, 'up', 15],
    [15, 15, 'up', 15],
    [16, 15, 'up', 30],
    [0, 15, 'up', 0],
    [7, 15, 'nearest', 0],
    [8, 15, 'nearest', 15],
    [22, 15, 'nearest', 15],
    [23, 15, 'nearest', 30],
    [3, 6, 'nearest', 6], // exactly half goes up
    [61, 60, 'up', 120],
    [89, 60, 'nearest', 60],
    [90, 60, 'nearest', 120],
    [17, 0, 'up', 17],
    [17, 1, 'nearest', 17],
    [-7, 15, 'up', 0],
    [-8, 15, 'nearest', -15],
  ] as const)('%i at unit %i (%s) → %i', (minutes, unit, mode, expected) => {
    expect(roundMinutes(minutes, { unit, mode })).toBe(expected);
  });

  it('rejects an unknown unit and fractional minutes', () => {
    expect(() => roundMinutes(10, { unit: 7 as RoundingUnit, mode: 'up' })).toThrow(RangeError);
    expect(() => roundMinutes(10.5, { unit: 15, mode: 'up' })).toThrow(RangeError);
  });

  it('holds its invariants for every unit and mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), units, modes, (minutes, unit, mode) => {
        const rounding: MinuteRounding = { unit, mode };
        const result = roundMinutes(minutes, rounding);
        const step = Math.max(unit, 1);
        expect(Number.isSafeInteger(result)).toBe(true);
        expect(Math.abs(result % step)).toBe(0);
        expect(roundMinutes(result, rounding)).toBe(result); // idempotent
        if (mode === 'up') {
          expect(result).toBeGreaterThanOrEqual(minutes);
          expect(result - minutes).toBeLessThan(step);
        } else {
          expect(Math.abs(result - minutes)).toBeLessThanOrEqual(step / 2);
        }
        if (unit <= 1) expect(result).toBe(minutes);
      }),
    );
  });
});

describe('roundLine', () => {
  it('rounds each entry or the line sum', () => {
    const minutes = [7, 7, 7].map((m) => ({ minutes: m }));
    expect(roundLine(minutes, { unit: 15, mode: 'up', scope: 'entry' })).toEqual({
      rawMinutes: 21,
      roundedMinutes: 45,
    });
    expect(roundLine(minutes, { unit: 15, mode: 'up', scope: 'line' })).toEqual({
      rawMinutes: 21,
      roundedMinutes: 30,
    });
    expect(roundLine([], { unit: 15, mode: 'up', scope: 'line' })).toEqual({
      rawMinutes: 0,
      roundedMinutes: 0,
    });
  });

  it('per entry equals the sum of rounded entries; per line rounds the raw sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 })), units, modes, (minutes, unit, mode) => {
        const items = minutes.map((m) => ({ minutes: m }));
        const perEntry = roundLine(items, { unit, mode, scope: 'entry' });
        const perLine = roundLine(items, { unit, mode, scope: 'line' });
        const raw = minutes.reduce((a, b) => a + b, 0);
        expect(perEntry.rawMinutes).toBe(raw);
        expect(perLine.rawMinutes).toBe(raw);
        expect(perEntry.roundedMinutes).toBe(
          minutes.reduce((total, m) => total + roundMinutes(m, { unit, mode }), 0),
        );
        expect(perLine.roundedMinutes).toBe(roundMinutes(raw, { unit, mode }));
      }),
    );
  });
});

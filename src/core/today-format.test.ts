import { describe, expect, it } from 'vitest';
import { formatElapsed, formatHoursMinutes } from './today-format';

describe('formatHoursMinutes', () => {
  it('pads minutes and lets hours grow', () => {
    expect(formatHoursMinutes(307)).toBe('5:07');
    expect(formatHoursMinutes(0)).toBe('0:00');
    expect(formatHoursMinutes(59)).toBe('0:59');
    expect(formatHoursMinutes(26 * 60 + 15)).toBe('26:15');
  });

  it('shows 0:00 for negative and broken input', () => {
    expect(formatHoursMinutes(-5)).toBe('0:00');
    expect(formatHoursMinutes(Number.NaN)).toBe('0:00');
    expect(formatHoursMinutes(Number.POSITIVE_INFINITY)).toBe('0:00');
  });
});

describe('formatElapsed', () => {
  it('shows h:mm:ss, rounded down to the second', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(3_723_999)).toBe('1:02:03');
    expect(formatElapsed(-1000)).toBe('0:00:00');
  });
});

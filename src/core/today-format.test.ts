import { describe, expect, it } from 'vitest';
import { formatElapsed } from './today-format';

describe('formatElapsed', () => {
  it('shows h:mm:ss, rounded down to the second', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(3_723_999)).toBe('1:02:03');
    expect(formatElapsed(-1000)).toBe('0:00:00');
  });
});

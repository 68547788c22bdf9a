import { describe, expect, it } from 'vitest';
import { KEEPING_CALLS_PER_MINUTE, writeBackCalls, writeBackMinutes } from './write-back-pace';

describe('write-back pace', () => {
  it('costs a PATCH per entry and two reads per page of 100', () => {
    expect(writeBackCalls(1)).toBe(3);
    expect(writeBackCalls(100)).toBe(102);
    expect(writeBackCalls(101)).toBe(105);
    expect(writeBackCalls(2_000)).toBe(2_040);
  });

  it('says how many minutes a large invoice takes at 120 calls a minute', () => {
    expect(KEEPING_CALLS_PER_MINUTE).toBe(120);
    expect(writeBackMinutes(0)).toBe(0);
    expect(writeBackMinutes(1)).toBe(1);
    expect(writeBackMinutes(300)).toBe(3);
    expect(writeBackMinutes(2_000)).toBe(17);
    expect(writeBackMinutes(2_458)).toBe(21);
  });

  it('counts nothing for nonsense', () => {
    expect(writeBackCalls(-5)).toBe(0);
    expect(writeBackCalls(Number.NaN)).toBe(0);
    expect(writeBackCalls(1.5)).toBe(0);
  });
});

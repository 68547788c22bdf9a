import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { deferWhenLarge } from './deferred';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('deferWhenLarge', () => {
  it('follows a small value at once and a large one after the next frame, pending meanwhile', async () => {
    const source = signal(3);
    const abort = new AbortController();
    const deferred = deferWhenLarge(source, (value) => value > 100, abort.signal);
    expect(deferred.value.value).toBe(3);

    source.value = 50;
    expect(deferred.value.value).toBe(50);
    expect(deferred.pending.value).toBe(false);

    source.value = 500;
    source.value = 600; // one update on its way takes the newest
    expect(deferred.value.value).toBe(50);
    expect(deferred.pending.value).toBe(true);
    await tick();
    expect(deferred.value.value).toBe(600);
    expect(deferred.pending.value).toBe(false);

    abort.abort();
    source.value = 7;
    expect(deferred.value.value).toBe(600);
  });
});

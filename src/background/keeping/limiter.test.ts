import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../testing/fake-clock';
import { createLimiter } from './limiter';

/** True when no rolling window of `windowMs` holds more than `max` of the sorted start times. */
function maxStartsInAnyWindow(starts: number[], windowMs: number): number {
  let most = 0;
  let left = 0;
  for (let right = 0; right < starts.length; right++) {
    while (starts[right]! - starts[left]! >= windowMs) left++;
    most = Math.max(most, right - left + 1);
  }
  return most;
}

describe('createLimiter', () => {
  it('counts a call from its answer, so calls arriving late never crowd Keeping’s minute', async () => {
    const clock = createFakeClock();
    // Many in flight, so one minute's budget starts at once and half of it answers late.
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, maxConcurrent: 240 });
    // Keeping sees each call when it arrives, which can be as late as its answer.
    const arrivals: number[] = [];
    const calls = Array.from({ length: 360 }, (_, index) =>
      limiter.run(async () => {
        // In the first minute every other call answers late; later ones answer at once.
        await clock.sleep(index < 120 && index % 2 === 1 ? 59_000 : 30);
        arrivals.push(clock.now());
      }),
    );
    await clock.runUntilSettled(Promise.all(calls));
    arrivals.sort((a, b) => a - b);
    expect(maxStartsInAnyWindow(arrivals, 60_000)).toBeLessThanOrEqual(120);
  });

  it('keeps a burst of 500 calls within 3 in flight and 120 starts per rolling minute', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const order: number[] = [];
    let inFlight = 0;
    let peak = 0;

    const calls = Array.from({ length: 500 }, (_, index) =>
      limiter.run(async () => {
        starts.push(clock.now());
        order.push(index);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        // Uneven durations: some calls are slower than the rate, some far faster.
        await clock.sleep([40, 250, 900, 3_000][index % 4]!);
        inFlight -= 1;
        return index;
      }),
    );
    const results = await clock.runUntilSettled(Promise.all(calls));

    expect(results).toEqual(Array.from({ length: 500 }, (_, index) => index));
    expect(peak).toBe(3);
    expect(maxStartsInAnyWindow(starts, 60_000)).toBe(120);
    // FIFO: calls start in the order they were queued.
    expect(order).toEqual(results);
    // 500 starts at 120/min need at least four full windows after the first start.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(4 * 60_000);
    expect(starts.at(-1)! - starts[0]!).toBeLessThan(5 * 60_000);
  });

  it('detects a limiter that lets too many through (the window check is not vacuous)', () => {
    const evenlySpaced = Array.from({ length: 200 }, (_, index) => index * 100);
    expect(maxStartsInAnyWindow(evenlySpaced, 60_000)).toBe(200);
  });

  it('releases the slot when a task throws', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, maxConcurrent: 1 });
    const failing = limiter.run(async () => {
      throw new Error('boom');
    });
    await expect(clock.runUntilSettled(failing)).rejects.toThrow('boom');
    await expect(clock.runUntilSettled(limiter.run(async () => 'next'))).resolves.toBe('next');
  });

  it('pauseUntil holds every new start until the given moment, without cutting running calls', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
    const t0 = clock.now();
    const events: string[] = [];

    const running = limiter.run(async () => {
      events.push(`running:start@${clock.now() - t0}`);
      await clock.sleep(1_000);
      events.push(`running:end@${clock.now() - t0}`);
    });
    await clock.runUntilSettled(Promise.resolve());
    limiter.pauseUntil(t0 + 5_000);
    // An earlier pause must not shorten the longer one.
    limiter.pauseUntil(t0 + 2_000);
    const queued = [1, 2, 3, 4].map((n) =>
      limiter.run(async () => {
        events.push(`queued${n}@${clock.now() - t0}`);
      }),
    );
    await clock.runUntilSettled(Promise.all([running, ...queued]));

    expect(events).toEqual([
      'running:start@0',
      'running:end@1000',
      'queued1@5000',
      'queued2@5000',
      'queued3@5000',
      'queued4@5000',
    ]);
  });

  it('a pause in the past changes nothing', async () => {
    const clock = createFakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pauseUntil(clock.now() - 10_000);
    const t0 = clock.now();
    const startedAt = await clock.runUntilSettled(limiter.run(async () => clock.now()));
    expect(startedAt).toBe(t0);
  });
});

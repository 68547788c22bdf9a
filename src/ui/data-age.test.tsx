// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguagePreference } from '../shared/i18n';
import { DATA_AGE_TICK_MS, DataAge, dataAgeText } from './data-age';

const NOW = Date.parse('2026-06-11T10:00:00Z');

describe('dataAgeText', () => {
  beforeEach(() => setLanguagePreference('nl'));

  it('says never, just now, or how long ago, measured at the given moment', () => {
    expect(dataAgeText(null, NOW)).toBe('nog niet opgehaald');
    expect(dataAgeText(NOW - 59_999, NOW)).toBe('zojuist bijgewerkt');
    expect(dataAgeText(NOW + 60_000, NOW)).toBe('zojuist bijgewerkt');
    expect(dataAgeText(NOW - 3 * 60_000, NOW)).toBe('bijgewerkt 3 minuten geleden');
    setLanguagePreference('en');
    expect(dataAgeText(NOW - 3 * 60_000, NOW)).toBe('updated 3 minutes ago');
  });
});

describe('DataAge', () => {
  let container: HTMLElement;
  beforeEach(() => {
    setLanguagePreference('nl');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    vi.useRealTimers();
  });

  it('ticks on its own: "just now" turns into "1 minute ago" within one tick of becoming true', async () => {
    await act(() => render(<DataAge fetchedAt={NOW - 50_000} class="muted small" />, container));
    const span = container.querySelector('[data-testid="data-age"]');
    expect(span?.textContent).toBe('zojuist bijgewerkt');
    expect(span?.className).toBe('muted small');
    await act(() => {
      vi.advanceTimersByTime(10_000 + DATA_AGE_TICK_MS);
    });
    expect(span?.textContent).toBe('bijgewerkt een minuut geleden');
  });
});

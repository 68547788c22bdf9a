/**
 * How old the data on screen is ("bijgewerkt 3 minuten geleden"), for the popup and the panel.
 * The age is measured against the component's own clock, which ticks often enough that "just
 * now" turns into "1 minute ago" within a few seconds of it becoming true.
 */
import { formatAgo } from '../core/date-text';
import { language, t } from '../shared/i18n';
import { useNow } from './use-now';

/** Often enough for a minute-granular text; rarely enough to cost nothing in Exact's page. */
export const DATA_AGE_TICK_MS = 5_000;

/** The age in words at `now`; under a minute, or in the future after the clock moved back, is "just now". */
export function dataAgeText(fetchedAt: number | null, now: number): string {
  if (fetchedAt === null) return t('data_age_never');
  if (now - fetchedAt < 60_000) return t('data_age_now');
  return t('data_age', formatAgo(fetchedAt, now, language.value));
}

export function DataAge({ fetchedAt, class: className }: { fetchedAt: number | null; class?: string }) {
  const now = useNow(DATA_AGE_TICK_MS);
  return (
    <span class={className ?? 'data-age'} data-testid="data-age">
      {dataAgeText(fetchedAt, now)}
    </span>
  );
}

/**
 * How old the data on screen is ("bijgewerkt 3 minuten geleden"), for the popup and the panel.
 * The age is measured against the component's own clock, which ticks often enough that "just
 * now" turns into "1 minute ago" within a few seconds of it becoming true.
 */
import { language, t } from '../shared/i18n';
import { type AgeWords, ageText } from './age-text';
import { useNow } from './use-now';

/** Often enough for a minute-granular text; rarely enough to cost nothing in Exact's page. */
export const DATA_AGE_TICK_MS = 5_000;

/** The age sentences in the current language; `ago` keeps its `$1` (substituted by itself). */
export function dataAgeWords(): AgeWords {
  return { never: t('data_age_never'), now: t('data_age_now'), ago: t('data_age', '$1') };
}

/** The age in words at `now`; under a minute, or in the future after the clock moved back, is "just now". */
export function dataAgeText(fetchedAt: number | null, now: number): string {
  return ageText(fetchedAt, now, language.value, dataAgeWords());
}

export function DataAge({ fetchedAt, class: className }: { fetchedAt: number | null; class?: string }) {
  const now = useNow(DATA_AGE_TICK_MS);
  return (
    <span class={className ?? 'data-age'} data-testid="data-age">
      {dataAgeText(fetchedAt, now)}
    </span>
  );
}

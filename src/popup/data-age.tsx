import { formatDistanceToNowStrict } from 'date-fns';
import { language, t } from '../shared/i18n';
import { dateLocale } from './date-locale';

interface Props {
  fetchedAt: number | null;
  /** Local epoch ms of the current tick, so the age re-renders every second. */
  now: number;
}

function ageText(fetchedAt: number | null, now: number): string {
  if (fetchedAt === null) return t('data_age_never');
  // Under a minute (or "in the future" after the clock moved back) reads as "just now".
  if (now - fetchedAt < 60_000) return t('data_age_now');
  return t(
    'data_age',
    formatDistanceToNowStrict(fetchedAt, { addSuffix: true, locale: dateLocale(language.value) }),
  );
}

export function DataAge({ fetchedAt, now }: Props) {
  return (
    <span class="data-age" data-testid="data-age">
      {ageText(fetchedAt, now)}
    </span>
  );
}

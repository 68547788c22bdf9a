import { formatDistanceToNowStrict } from 'date-fns';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { dateLocale } from './format';

/** "bijgewerkt 3 minuten geleden", ticking twice a minute while shown. */
export function DataAge({ fetchedAt }: { fetchedAt: number | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  let text: string;
  if (fetchedAt === null) text = t('data_age_never');
  else if (now - fetchedAt < 60_000) text = t('data_age_now');
  else text = t('data_age', formatDistanceToNowStrict(fetchedAt, { addSuffix: true, locale: dateLocale() }));
  return (
    <span class="muted small" data-testid="data-age">
      {text}
    </span>
  );
}

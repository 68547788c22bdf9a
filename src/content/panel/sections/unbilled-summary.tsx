/**
 * One line above the entries for the invoice's customer: this year's unbilled direct hours, their
 * value at the remembered rates and since when, and this year's billed revenue this install knows
 * ("Nog niet gefactureerd: 38:15 uur (≈ € 3.634) sinds 12 september · gefactureerd dit jaar
 * € 41.220"). Asked for only once the entries are on screen, so the panel's first paint never
 * waits for it; the background reads Keeping for it only when the year is small enough.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../../core/date-text';
import { formatHoursMinutes } from '../../../core/hours';
import { formatMoney } from '../../../core/money';
import { parseYmd } from '../../../core/period';
import { language, t } from '../../../shared/i18n';
import { type CustomerSummary, send } from '../../../shared/messages';

/** Whole euros: the line is an indication ("≈"), the Overzicht has the cents. */
function euros(cents: number): string {
  const whole = formatMoney(Math.round(cents / 100) * 100, language.value);
  return whole.replace(/[.,]00$/, '');
}

export function summaryText(summary: CustomerSummary): string {
  const billed = euros(summary.billedRevenueCents);
  if (summary.unbilledSince === null) return t('panel_unbilled_none', billed);
  const since = parseYmd(summary.unbilledSince);
  const day = since ? formatDate(since, 'd MMMM', language.value) : summary.unbilledSince;
  return t(
    'panel_unbilled_summary',
    formatHoursMinutes(summary.unbilledMinutes),
    euros(summary.unbilledValueCents),
    day,
    billed,
  );
}

export function UnbilledSummary({ keepingClientId, ready }: { keepingClientId: number; ready: boolean }) {
  const [summary, setSummary] = useState<CustomerSummary | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    setSummary(null);
    send('overview.customer', { keepingClientId, fresh: false })
      .then(async (cached) => {
        if (live && cached.fetchedAt !== null) setSummary(cached);
        const fresh = await send('overview.customer', { keepingClientId, fresh: true });
        if (live && fresh.fetchedAt !== null) setSummary(fresh);
      })
      // The line is extra: the panel is complete without it.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [keepingClientId, ready]);
  if (summary === null) return null;
  return (
    <p class="muted small" data-testid="panel-unbilled-summary">
      {summaryText(summary)}
    </p>
  );
}

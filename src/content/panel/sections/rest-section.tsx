import { formatDate } from '../../../core/date-text';
import type { Locale } from '../../../core/locale';
import { language, type MessageKey, t } from '../../../shared/i18n';
import type { Difference } from '../../exact/rest/reconcile';
import type { RestOffReason, RestState } from '../../exact/rest/rest-client';
import type { PanelModel } from '../model/panel-model';
import { money } from './format';

const REASONS: Record<RestOffReason, MessageKey> = {
  'no-division': 'rest_reason_no_division',
  refused: 'rest_reason_refused',
  'signed-out': 'rest_reason_signed_out',
  network: 'rest_reason_network',
  'bad-answer': 'rest_reason_bad_answer',
  'division-mismatch': 'rest_reason_division_mismatch',
};

export function stateLine(state: RestState, busy: boolean): string {
  if (state.kind === 'unknown' || (busy && state.kind === 'on')) return t('rest_checking');
  if (state.kind === 'on') return t('rest_on');
  if (state.kind === 'limited') {
    return t(
      'rest_limited',
      formatDate(state.stop.until, 'HH:mm'),
      t(state.stop.scope === 'day' ? 'rest_scope_day' : 'rest_scope_minute'),
    );
  }
  return t('rest_off', t(REASONS[state.reason], state.detail ?? ''));
}

/** A quantity scaled by 10^4 as the invoice shows it: at least 2 decimals, no trailing zeros beyond. */
function quantity(scaled: number | string, locale: Locale): string {
  if (typeof scaled === 'string') return scaled;
  const sign = scaled < 0 ? '-' : '';
  const magnitude = Math.abs(scaled);
  const fraction = String(magnitude % 10_000)
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return `${sign}${Math.floor(magnitude / 10_000)}${locale === 'nl' ? ',' : '.'}${fraction}`;
}

/** Panel text, so in the UI's language and number style. */
export function differenceText(difference: Difference, locale: Locale): string {
  if (difference.kind === 'missing') return t('rest_diff_missing', difference.description);
  if (difference.kind === 'total')
    return t('rest_diff_total', money(difference.actual), money(difference.expected));
  const show = (value: number | string): string => {
    if (typeof value === 'string') return value;
    return difference.kind === 'quantity' ? quantity(value, locale) : money(value);
  };
  const key: MessageKey =
    difference.kind === 'item'
      ? 'rest_diff_item'
      : difference.kind === 'quantity'
        ? 'rest_diff_quantity'
        : difference.kind === 'price'
          ? 'rest_diff_price'
          : 'rest_diff_amount';
  return t(key, difference.line, difference.description, show(difference.actual), show(difference.expected));
}

/**
 * One line with the REST API's state (never an error for the whole panel), the item codes Exact
 * does not know before a fill, and the read-back after a save with every difference named.
 */
export function RestSection({ model }: { model: PanelModel }) {
  const { rest } = model;
  const state = rest.state.value;
  if (state.kind === 'unknown' && rest.busy.value === null) return null;
  const unknown = rest.unknownCodes.value;
  const readBack = rest.readBack.value;
  const locale = language.value;
  return (
    <section class="rest" aria-live="polite">
      <p class="muted small" data-testid="rest-status" data-state={state.kind}>
        {stateLine(state, rest.busy.value !== null)}
      </p>
      {unknown.length > 0 && (
        <p class="notice error" role="alert" data-testid="rest-unknown-items">
          {t('rest_unknown_items', unknown.join(', '))}
        </p>
      )}
      {readBack?.outcome === 'not-found' && (
        <p class="notice warning" data-testid="rest-readback" data-outcome="not-found">
          {t('rest_readback_not_found', readBack.invoiceNumber)}
        </p>
      )}
      {readBack?.outcome === 'checked' && (
        <div
          class={readBack.result.differences.length > 0 ? 'notice warning' : 'summary'}
          data-testid="rest-readback"
          data-outcome={readBack.result.differences.length > 0 ? 'differs' : 'match'}
        >
          <p>
            {readBack.result.differences.length > 0
              ? t('rest_readback_differs', readBack.invoiceNumber)
              : t('rest_readback_match', readBack.invoiceNumber, money(readBack.result.totalCents))}
          </p>
          {readBack.result.differences.length > 0 && (
            <ul>
              {readBack.result.differences.map((difference, index) => (
                <li key={index} data-testid="rest-difference" data-kind={difference.kind}>
                  {differenceText(difference, locale)}
                </li>
              ))}
            </ul>
          )}
          {readBack.result.otherLines > 0 && (
            <p class="muted small">
              {t('rest_readback_others', readBack.result.otherLines, money(readBack.result.otherCents))}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

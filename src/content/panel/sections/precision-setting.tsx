import { QUANTITY_PRECISIONS } from '../../../core/exact-rules';
import { t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { ErrorNotice } from './error-notice';

/**
 * How many decimals this administration keeps of a quantity: Exact's default of 2, the
 * bookkeeper's choice, or what a fill proved. The preview's quantities and amounts follow it.
 */
export function PrecisionSetting({ model }: { model: PanelModel }) {
  const { setting, detectedChange, error } = model.precision;
  const current = setting.value;
  const change = detectedChange.value;
  return (
    <div class="field">
      <label class="field inline">
        <span>{t('panel_precision')}</span>
        <select
          data-testid="precision-select"
          data-source={current.source}
          value={String(current.decimals)}
          onChange={(event) => {
            void model.precision.choose(event.currentTarget.value === '3' ? 3 : 2);
          }}
        >
          {QUANTITY_PRECISIONS.map((decimals) => (
            <option key={decimals} value={String(decimals)}>
              {t('panel_precision_decimals', decimals)}
            </option>
          ))}
        </select>
      </label>
      <p class="muted small">
        {current.source === 'detected' ? t('panel_precision_detected') : t('panel_precision_hint')}
      </p>
      {change && (
        <p class="notice warning small" data-testid="precision-detected">
          {t('panel_precision_changed', change.to, change.from)}
        </p>
      )}
      {error.value && <ErrorNotice error={error.value} />}
    </div>
  );
}

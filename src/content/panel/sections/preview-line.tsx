import { formatMinuteHundredths, formatQuantity } from '../../../core/hours';
import type { InvoiceLine } from '../../../core/invoice-lines';
import { language, t } from '../../../shared/i18n';
import { clock, money } from './format';
import { MoneyInput } from './money-input';
import { TextSetting } from './text-setting';

interface Props {
  line: InvoiceLine;
  /** Where an edited rate or item is remembered ("Website — Ontwerp"), null for a mixed line. */
  ruleLabel: string | null;
  onRate: (cents: number) => void;
  onItem: (itemCode: string) => void;
}

/** One preview line: description, item, quantity × rate = amount, what rounding changed and what storing the quantity changes. */
export function PreviewLine({ line, ruleLabel, onRate, onItem }: Props) {
  const editable = ruleLabel !== null;
  const noted = line.precisionHundredths !== 0;
  return (
    <li class="preview-line" data-testid="preview-line" data-line-key={line.key}>
      <p class="line-description" data-testid="line-description">
        {line.description}
      </p>
      <div class="row wrap line-figures">
        <span data-testid="line-quantity">
          {t('panel_line_quantity', formatQuantity(line.quantity, language.value))}
        </span>
        <span>×</span>
        <MoneyInput
          cents={line.unitPriceCents}
          label={t('panel_line_rate')}
          testId="line-rate"
          disabled={!editable}
          onCommit={onRate}
        />
        <span>=</span>
        <strong data-testid="line-amount">{money(line.amountCents)}</strong>
      </div>
      <div class="row wrap line-meta">
        {/* Unrounded, the precision note says it all: "8:35 gewerkt = 8,58 uur gefactureerd". */}
        {!(noted && line.roundedMinutes === line.rawMinutes) && (
          <span class="muted small" data-testid="line-hours">
            {t('panel_line_hours', clock(line.rawMinutes), clock(line.roundedMinutes))}
          </span>
        )}
        {line.roundingCents !== 0 && (
          <span class="small difference" data-testid="line-difference">
            {t('panel_line_difference', money(line.roundingCents))}
          </span>
        )}
      </div>
      {noted && (
        <p class="muted small" data-testid="precision-note">
          {t(
            line.roundedMinutes === line.rawMinutes ? 'panel_precision_note' : 'panel_precision_note_rounded',
            clock(line.roundedMinutes),
            formatQuantity(line.quantity, language.value),
            formatMinuteHundredths(line.precisionHundredths, language.value),
            money(line.precisionCents),
          )}
        </p>
      )}
      <div class="field inline">
        <span>{t('panel_col_item')}</span>
        {editable ? (
          <TextSetting
            value={line.itemCode}
            label={t('panel_col_item')}
            testId="line-item"
            onCommit={onItem}
          />
        ) : (
          <span data-testid="line-item-fixed">{line.itemCode}</span>
        )}
      </div>
      <p class="muted small">{editable ? t('panel_line_rule_for', ruleLabel) : t('panel_line_rule_mixed')}</p>
      {line.unitPriceCents === 0 && <p class="notice warning small">{t('panel_no_rate')}</p>}
      {line.rateConflict && <p class="notice warning small">{t('panel_rate_conflict')}</p>}
    </li>
  );
}

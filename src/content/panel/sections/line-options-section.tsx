import { GROUPINGS, type Grouping } from '../../../core/grouping';
import { ROUNDING_UNITS, type RoundingUnit } from '../../../core/rounding';
import { type MessageKey, t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { ErrorNotice } from './error-notice';
import { MoneyInput } from './money-input';
import { PrecisionSetting } from './precision-setting';
import { TextSetting } from './text-setting';

/** The exact steps, plus an older selection's own unit so it is shown as it is, not changed unseen. */
function offeredUnits(current: RoundingUnit): readonly RoundingUnit[] {
  return ROUNDING_UNITS.includes(current) ? ROUNDING_UNITS : [...ROUNDING_UNITS, current];
}

const GROUPING_LABELS: Record<Grouping, MessageKey> = {
  project: 'panel_grouping_project',
  project_task: 'panel_grouping_project_task',
  person: 'panel_grouping_person',
  day: 'panel_grouping_day',
  entry: 'panel_grouping_entry',
  total: 'panel_grouping_total',
};

/** The Dutch tokens users see; core also understands English aliases. */
const TOKENS = ['{project}', '{taak}', '{medewerker}', '{periode}', '{datum}', '{notities}'];

/** Step 4: how entries become lines: grouping, rounding, default rate and item, description. */
export function LineOptionsSection({ model }: { model: PanelModel }) {
  const { selection, rates } = model;
  const rounding = selection.rounding.value;
  const defaults = rates.defaults.value;

  return (
    <section class="step" aria-labelledby="urenbrug-step-options">
      <h2 id="urenbrug-step-options">{t('panel_step_options')}</h2>
      <label class="field">
        <span>{t('panel_grouping')}</span>
        <select
          data-testid="grouping-select"
          value={selection.grouping.value}
          onChange={(event) => {
            selection.grouping.value = event.currentTarget.value as Grouping;
          }}
        >
          {GROUPINGS.map((grouping) => (
            <option key={grouping} value={grouping}>
              {t(GROUPING_LABELS[grouping])}
            </option>
          ))}
        </select>
      </label>
      <div class="row wrap">
        <label class="field">
          <span>{t('panel_rounding')}</span>
          <select
            data-testid="rounding-select"
            value={String(rounding.unit)}
            onChange={(event) => {
              selection.rounding.value = {
                ...rounding,
                unit: Number(event.currentTarget.value) as RoundingUnit,
              };
            }}
          >
            {offeredUnits(rounding.unit).map((unit) => (
              <option key={unit} value={String(unit)}>
                {unit === 0 ? t('panel_rounding_none') : t('panel_rounding_minutes', unit)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('panel_rounding_scope')}</span>
          <select
            data-testid="rounding-scope"
            value={rounding.scope}
            disabled={rounding.unit <= 1}
            onChange={(event) => {
              selection.rounding.value = {
                ...rounding,
                scope: event.currentTarget.value === 'entry' ? 'entry' : 'line',
              };
            }}
          >
            <option value="line">{t('panel_rounding_scope_line')}</option>
            <option value="entry">{t('panel_rounding_scope_entry')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('panel_rounding_mode')}</span>
          <select
            data-testid="rounding-mode"
            value={rounding.mode}
            disabled={rounding.unit <= 1}
            onChange={(event) => {
              selection.rounding.value = {
                ...rounding,
                mode: event.currentTarget.value === 'nearest' ? 'nearest' : 'up',
              };
            }}
          >
            <option value="up">{t('panel_rounding_up')}</option>
            <option value="nearest">{t('panel_rounding_nearest')}</option>
          </select>
        </label>
      </div>
      <div class="row wrap">
        <div class="field">
          <span>{t('panel_default_rate')}</span>
          <MoneyInput
            cents={defaults.defaultRateCents}
            label={t('panel_default_rate')}
            testId="default-rate"
            onCommit={(cents) => void rates.saveDefaults({ rateCents: cents })}
          />
        </div>
        <div class="field">
          <span>{t('panel_default_item')}</span>
          <TextSetting
            value={defaults.defaultItemCode}
            label={t('panel_default_item')}
            testId="default-item"
            placeholder="UREN"
            onCommit={(itemCode) => void rates.saveDefaults({ itemCode })}
          />
        </div>
      </div>
      <PrecisionSetting model={model} />
      <label class="field">
        <span>{t('panel_template')}</span>
        <input
          type="text"
          data-testid="template-input"
          value={selection.template.value}
          onInput={(event) => {
            selection.template.value = event.currentTarget.value;
          }}
        />
      </label>
      <p class="muted small">{t('panel_template_tokens', TOKENS.join(' '))}</p>
      {rates.error.value && <ErrorNotice error={rates.error.value} />}
    </section>
  );
}

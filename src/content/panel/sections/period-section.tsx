import { PERIOD_PRESETS, type PeriodPreset } from '../../../core/period';
import { type MessageKey, t } from '../../../shared/i18n';
import type { PanelModel } from '../model/panel-model';
import { FilterList } from './filter-list';

const PRESET_LABELS: Record<PeriodPreset, MessageKey> = {
  last_month: 'panel_period_last_month',
  this_month: 'panel_period_this_month',
  last_week: 'panel_period_last_week',
  this_week: 'panel_period_this_week',
  custom: 'panel_period_custom',
};

const DATE_FIELDS = [
  ['from', 'panel_period_from'],
  ['to', 'panel_period_to'],
] as const satisfies readonly (readonly ['from' | 'to', MessageKey])[];

function collator(): Intl.Collator {
  return new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
}

/** Step 2: the period (presets or two dates) and which hours count. */
export function PeriodSection({ model }: { model: PanelModel }) {
  const { selection } = model;
  const period = selection.period.value;
  const range = selection.range.value;

  function choosePreset(preset: PeriodPreset): void {
    if (preset !== 'custom') {
      selection.period.value = { preset };
      return;
    }
    // Start the custom range from what was shown, so switching does not blank the list.
    selection.period.value = { preset: 'custom', from: range?.from ?? '', to: range?.to ?? '' };
  }

  function setCustom(part: 'from' | 'to', value: string): void {
    const current = selection.period.value;
    const base = current.preset === 'custom' ? current : { from: range?.from ?? '', to: range?.to ?? '' };
    selection.period.value = { preset: 'custom', from: base.from, to: base.to, [part]: value };
  }

  const projects = model.clientProjects.value
    .map((project) => ({ id: project.id, name: project.name }))
    .sort((a, b) => collator().compare(a.name, b.name));
  const projectIds = new Set(projects.map((project) => project.id));
  const userIds = new Set(
    (model.entries.view.value?.entries ?? [])
      .filter((entry) => entry.projectId !== null && projectIds.has(entry.projectId))
      .map((entry) => entry.userId),
  );
  const people = [...userIds]
    .map((id) => ({ id, name: model.personName(id) }))
    .sort((a, b) => collator().compare(a.name, b.name));

  return (
    <section class="step" aria-labelledby="urenbrug-step-period">
      <h2 id="urenbrug-step-period">{t('panel_step_period')}</h2>
      <label class="field">
        <span>{t('panel_period')}</span>
        <select
          data-testid="period-select"
          value={period.preset}
          onChange={(event) => choosePreset(event.currentTarget.value as PeriodPreset)}
        >
          {PERIOD_PRESETS.map(({ preset }) => (
            <option key={preset} value={preset}>
              {t(PRESET_LABELS[preset])}
            </option>
          ))}
        </select>
      </label>
      {period.preset === 'custom' && (
        <div class="row dates">
          {DATE_FIELDS.map(([part, label]) => (
            <label class="field" key={part}>
              <span>{t(label)}</span>
              <input
                type="date"
                value={period[part]}
                data-testid={`period-${part}`}
                onChange={(event) => setCustom(part, event.currentTarget.value)}
              />
            </label>
          ))}
        </div>
      )}
      {range === null && (
        <p class="notice error" data-testid="period-invalid">
          {t('panel_period_invalid')}
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          data-testid="direct-only"
          checked={selection.hours.value === 'direct'}
          onChange={(event) => {
            selection.hours.value = event.currentTarget.checked ? 'direct' : 'all';
          }}
        />
        <span>{t('panel_direct_only')}</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="include-billed"
          checked={selection.includeBilled.value}
          onChange={(event) => {
            selection.includeBilled.value = event.currentTarget.checked;
          }}
        />
        <span>{t('panel_include_billed')}</span>
      </label>
      <FilterList
        title={t('panel_projects')}
        options={projects}
        chosen={selection.projectIds.value}
        onChange={(next) => {
          selection.projectIds.value = next;
        }}
        testId="project-filter"
      />
      <FilterList
        title={t('panel_people')}
        options={people}
        chosen={selection.userIds.value}
        onChange={(next) => {
          selection.userIds.value = next;
        }}
        testId="people-filter"
      />
    </section>
  );
}

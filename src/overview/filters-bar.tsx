/**
 * Filters: clients, projects and people of the organisation, the Exact divisions whose revenue
 * counts (none chosen: all), and the leaf level.
 */
import type { JSX } from 'preact';
import { t } from '../shared/i18n';
import type { OverviewModel } from './overview-model';

function chosen(event: JSX.TargetedEvent<HTMLSelectElement>): number[] {
  return [...event.currentTarget.selectedOptions]
    .map((option) => Number(option.value))
    .filter((id) => id > 0);
}

export function FiltersBar({ model }: { model: OverviewModel }) {
  const names = model.view.value?.names;
  if (!names) return null;
  const filter = model.filter.value;
  const byName = <T extends { name: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const select = (
    label: string,
    testId: string,
    list: ReadonlyArray<{ id: number; name: string }>,
    selected: readonly number[] | undefined,
    apply: (ids: number[]) => void,
  ) => (
    <label class="filter">
      <span>{label}</span>
      <select multiple size={4} data-testid={testId} onChange={(event) => apply(chosen(event))}>
        {byName(list).map((item) => (
          <option key={item.id} value={item.id} selected={selected?.includes(item.id) ?? false}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="filters no-print" aria-label={t('overview_filters')}>
      {select(
        t('overview_filter_clients'),
        'report-filter-clients',
        names.clients,
        filter.clientIds,
        (clientIds) => {
          model.filter.value = { ...model.filter.value, clientIds };
        },
      )}
      {select(
        t('overview_filter_projects'),
        'report-filter-projects',
        names.projects,
        filter.projectIds,
        (projectIds) => {
          model.filter.value = { ...model.filter.value, projectIds };
        },
      )}
      {select(t('overview_filter_people'), 'report-filter-people', names.users, filter.userIds, (userIds) => {
        model.filter.value = { ...model.filter.value, userIds };
      })}
      {model.divisions.value.length === 0 ? (
        <p class="filter filter-note muted" data-testid="report-filter-divisions-none">
          <span>{t('overview_filter_divisions')}</span> {t('overview_divisions_none')}
        </p>
      ) : (
        select(
          t('overview_filter_divisions'),
          'report-filter-divisions',
          model.divisions.value.map((id) => ({ id, name: t('overview_division', String(id)) })),
          filter.divisions,
          (divisions) => {
            model.filter.value = { ...model.filter.value, divisions };
          },
        )
      )}
      <fieldset class="filter">
        <legend>{t('overview_leaf')}</legend>
        <label>
          <input
            type="radio"
            name="leaf"
            checked={model.leaf.value === 'task'}
            onChange={() => (model.leaf.value = 'task')}
          />{' '}
          {t('overview_leaf_task')}
        </label>
        <label>
          <input
            type="radio"
            name="leaf"
            checked={model.leaf.value === 'user'}
            onChange={() => (model.leaf.value = 'user')}
          />{' '}
          {t('overview_leaf_user')}
        </label>
      </fieldset>
    </section>
  );
}

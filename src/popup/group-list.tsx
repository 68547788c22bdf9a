import { formatHoursMinutes } from '../core/hours';
import type { TodayGroup } from '../core/today';
import { t } from '../shared/i18n';
import { EntryRow } from './entry-row';
import { projectLabel, taskLabel } from './labels';

function directBadge(group: TodayGroup): string {
  if (group.directMinutes === group.minutes && group.minutes > 0) return t('group_direct');
  if (group.directMinutes === 0) return t('group_indirect');
  return t('group_mixed');
}

function Group({ group }: { group: TodayGroup }) {
  const task = taskLabel(group);
  return (
    <li class="group" data-testid="today-group">
      <div class="group-head">
        <div class="group-name">
          <span class="group-project">{projectLabel(group)}</span>
          {task && <span class="group-task">{task}</span>}
        </div>
        <span class="group-minutes">{formatHoursMinutes(group.minutes)}</span>
      </div>
      <div class="muted small">
        {group.clientName ? `${group.clientName} · ` : ''}
        {directBadge(group)}
      </div>
      <ul class="entries">
        {group.entries.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </ul>
    </li>
  );
}

export function GroupList({ groups }: { groups: TodayGroup[] }) {
  return (
    <ul class="groups">
      {groups.map((group) => (
        <Group key={group.key} group={group} />
      ))}
    </ul>
  );
}

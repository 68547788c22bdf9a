import { t } from '../../../shared/i18n';

interface Option {
  id: number;
  name: string;
}

interface Props {
  title: string;
  options: readonly Option[];
  /** null: all of them. */
  chosen: ReadonlySet<number> | null;
  onChange: (chosen: ReadonlySet<number> | null) => void;
  testId: string;
}

/** Narrows a list to some of its items; all ticked is stored as "all" (null) so new items join in. */
export function FilterList({ title, options, chosen, onChange, testId }: Props) {
  if (options.length === 0) return null;
  const isOn = (id: number) => chosen === null || chosen.has(id);
  const count = options.filter((option) => isOn(option.id)).length;

  function toggle(id: number, on: boolean): void {
    const next = new Set(options.filter((option) => isOn(option.id)).map((option) => option.id));
    if (on) next.add(id);
    else next.delete(id);
    onChange(next.size === options.length ? null : next);
  }

  return (
    <details class="filter" data-testid={testId}>
      <summary>
        {title}:{' '}
        {count === options.length
          ? t('panel_filter_all', count)
          : t('panel_filter_some', count, options.length)}
      </summary>
      <ul>
        {options.map((option) => (
          <li key={option.id}>
            <label>
              <input
                type="checkbox"
                checked={isOn(option.id)}
                onChange={(event) => toggle(option.id, event.currentTarget.checked)}
              />
              <span>{option.name}</span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

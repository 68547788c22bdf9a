import { t } from '../../../shared/i18n';
import { isTicked, type ListGroup, type Ticks } from '../model/scope';
import { EntryRow } from './entry-row';
import { clock } from './format';
import { trustedAction } from './trusted-action';

interface Props {
  group: ListGroup;
  ticks: Ticks;
  personName: (userId: number) => string;
  confirming: number | null;
  linkedHere: ReadonlySet<number>;
  onTick: (entryIds: number[], on: boolean) => void;
  onAskConfirm: (entryId: number | null) => void;
  onConfirmBilled: (entryId: number, on: boolean) => void;
  onUnlink: ((entryId: number) => void) | null;
}

/** One project's entries with select all / none; billed entries are never ticked in bulk. */
export function EntryGroup(props: Props) {
  const { group, ticks } = props;
  const open = group.rows.filter((row) => !row.billed).map((row) => row.entry.id);
  const tickedCount = group.rows.filter((row) => isTicked(row, ticks)).length;

  return (
    <div class="group" data-testid="entry-group">
      <div class="group-head">
        <strong>{group.name}</strong>
        <span class="muted small">
          {tickedCount}/{group.rows.length} · {clock(group.minutes)}
        </span>
        <span class="group-actions">
          <button
            type="button"
            class="link"
            data-testid="group-all"
            onClick={trustedAction(() => props.onTick(open, true))}
          >
            {t('panel_select_all')}
          </button>
          <button
            type="button"
            class="link"
            data-testid="group-none"
            onClick={trustedAction(() => {
              props.onTick(open, false);
              for (const row of group.rows) if (row.billed) props.onConfirmBilled(row.entry.id, false);
            })}
          >
            {t('panel_select_none')}
          </button>
        </span>
      </div>
      <ul class="entries">
        {group.rows.map((row) => {
          const id = row.entry.id;
          return (
            <EntryRow
              key={id}
              scoped={row}
              person={props.personName(row.entry.userId)}
              ticked={isTicked(row, ticks)}
              confirming={props.confirming === id}
              linkedHere={props.linkedHere.has(id)}
              onTick={(on) => {
                if (!row.billed) props.onTick([id], on);
                else if (on) props.onAskConfirm(id);
                else props.onConfirmBilled(id, false);
              }}
              onConfirm={(yes) => {
                if (yes) props.onConfirmBilled(id, true);
                props.onAskConfirm(null);
              }}
              onUnlink={props.onUnlink ? () => props.onUnlink?.(id) : null}
            />
          );
        })}
      </ul>
    </div>
  );
}

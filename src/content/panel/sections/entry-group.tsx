import { t } from '../../../shared/i18n';
import { isTicked, type ListGroup, type ScopedEntry, type Ticks } from '../model/scope';
import { EntryRow } from './entry-row';
import { clock } from './format';
import { trustedAction } from './trusted-action';
import { WindowedRows } from './windowed-rows';

/** Above this many rows a group's list is windowed: only the rows in view are drawn. */
export const WINDOW_ABOVE = 150;
/** A compact row's height in px (panel.css, .entry.compact) and how many show at once. */
const ROW_HEIGHT = 44;
const VISIBLE_ROWS = 12;

interface Props {
  group: ListGroup;
  ticks: Ticks;
  /** Folded: only the header with its totals; the rows are not drawn at all. */
  open: boolean;
  onToggle: (open: boolean) => void;
  personName: (userId: number) => string;
  confirming: number | null;
  linkedHere: ReadonlySet<number>;
  onTick: (entryIds: number[], on: boolean) => void;
  onAskConfirm: (entryId: number | null) => void;
  onConfirmBilled: (entryIds: number[], on: boolean) => void;
  onUnlink: ((entryId: number) => void) | null;
}

/** One project's entries with select all / none; billed entries are never ticked in bulk. */
export function EntryGroup(props: Props) {
  const { group, ticks, open } = props;
  let tickedCount = 0;
  for (const row of group.rows) if (isTicked(row, ticks)) tickedCount += 1;
  const windowed = group.rows.length > WINDOW_ABOVE;

  function row(scoped: ScopedEntry) {
    const id = scoped.entry.id;
    return (
      <EntryRow
        key={id}
        scoped={scoped}
        compact={windowed}
        person={props.personName(scoped.entry.userId)}
        ticked={isTicked(scoped, ticks)}
        confirming={props.confirming === id}
        linkedHere={props.linkedHere.has(id)}
        onTick={(on) => {
          if (!scoped.billed) props.onTick([id], on);
          else if (on) props.onAskConfirm(id);
          else props.onConfirmBilled([id], false);
        }}
        onConfirm={(yes) => {
          if (yes) props.onConfirmBilled([id], true);
          props.onAskConfirm(null);
        }}
        onUnlink={props.onUnlink ? () => props.onUnlink?.(id) : null}
      />
    );
  }

  // In a windowed list the question about a billed entry sits under the window, not in a row.
  const asking = windowed ? group.rows.find((scoped) => scoped.entry.id === props.confirming) : undefined;

  return (
    <div class="group" data-testid="entry-group" data-open={open ? 'true' : 'false'}>
      <div class="group-head">
        <button
          type="button"
          class="link fold"
          data-testid="group-toggle"
          aria-expanded={open}
          onClick={trustedAction(() => props.onToggle(!open))}
        >
          {open ? '▾' : '▸'}
          <span class="sr-only">{open ? t('panel_group_fold') : t('panel_group_unfold')}</span>
        </button>
        <strong>{group.name}</strong>
        <span class="muted small" data-testid="group-totals">
          {tickedCount}/{group.rows.length} · {clock(group.minutes)}
        </span>
        <span class="group-actions">
          <button
            type="button"
            class="link"
            data-testid="group-all"
            onClick={trustedAction(() => props.onTick(group.openIds, true))}
          >
            {t('panel_select_all')}
          </button>
          <button
            type="button"
            class="link"
            data-testid="group-none"
            onClick={trustedAction(() => {
              props.onTick(group.openIds, false);
              props.onConfirmBilled(group.billedIds, false);
            })}
          >
            {t('panel_select_none')}
          </button>
        </span>
      </div>
      {open && windowed && (
        <WindowedRows
          items={group.rows}
          rowHeight={ROW_HEIGHT}
          visibleRows={VISIBLE_ROWS}
          render={(scoped) => row(scoped)}
          testId="entry-window"
        />
      )}
      {open && !windowed && <ul class="entries">{group.rows.map(row)}</ul>}
      {asking?.billed && (
        <div class="confirm" role="alertdialog" data-testid="billed-confirm">
          <p>{t('panel_confirm_billed', asking.billed.invoice)}</p>
          <button
            type="button"
            class="button primary small"
            data-testid="billed-confirm-yes"
            onClick={trustedAction(() => {
              props.onConfirmBilled([asking.entry.id], true);
              props.onAskConfirm(null);
            })}
          >
            {t('panel_confirm_billed_yes')}
          </button>
          <button type="button" class="button small" onClick={trustedAction(() => props.onAskConfirm(null))}>
            {t('panel_confirm_billed_no')}
          </button>
        </div>
      )}
    </div>
  );
}

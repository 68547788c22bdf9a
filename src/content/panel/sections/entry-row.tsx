import { t } from '../../../shared/i18n';
import { noteText } from '../../../ui/note-text';
import type { ScopedEntry } from '../model/scope';
import { clock, shortDate } from './format';
import { trustedAction } from './trusted-action';

interface Props {
  scoped: ScopedEntry;
  person: string;
  ticked: boolean;
  /** Asking "bill again?" for this billed entry. */
  confirming: boolean;
  linkedHere: boolean;
  onTick: (on: boolean) => void;
  onConfirm: (yes: boolean) => void;
  onUnlink: (() => void) | null;
  /** In a windowed list: one fixed-height line, the note cut to one line (its full text as title). */
  compact?: boolean;
}

/** One entry: tick box, day, person, h:mm and its note, always as text. */
export function EntryRow({
  scoped,
  person,
  ticked,
  confirming,
  linkedHere,
  onTick,
  onConfirm,
  onUnlink,
  compact = false,
}: Props) {
  const { entry, billed } = scoped;
  const note = noteText(entry.note.trim(), entry.noteFoldedChars);
  const classes = ['entry', billed ? 'billed' : '', compact ? 'compact' : ''].filter(Boolean).join(' ');
  return (
    <li class={classes} data-testid="entry-row" data-entry-id={entry.id} title={compact ? note : undefined}>
      <label class="entry-main">
        <input type="checkbox" checked={ticked} onChange={(event) => onTick(event.currentTarget.checked)} />
        <span class="entry-date">{shortDate(entry.date)}</span>
        <span class="entry-person">{person}</span>
        <span class="entry-minutes">{clock(entry.minutes)}</span>
      </label>
      <p class={note ? 'entry-note' : 'entry-note muted'}>{note || t('no_note')}</p>
      {billed && (
        <p class="badge billed" data-testid="entry-billed">
          {t('panel_billed_on', billed.invoice)}
        </p>
      )}
      {linkedHere && (
        <p class="badge linked">
          {t('panel_linked_here')}
          {onUnlink && (
            <button type="button" class="link" onClick={trustedAction(onUnlink)}>
              {t('panel_unlink')}
            </button>
          )}
        </p>
      )}
      {confirming && billed && !compact && (
        <div class="confirm" role="alertdialog" data-testid="billed-confirm">
          <p>{t('panel_confirm_billed', billed.invoice)}</p>
          <button
            type="button"
            class="button primary small"
            data-testid="billed-confirm-yes"
            onClick={trustedAction(() => onConfirm(true))}
          >
            {t('panel_confirm_billed_yes')}
          </button>
          <button type="button" class="button small" onClick={trustedAction(() => onConfirm(false))}>
            {t('panel_confirm_billed_no')}
          </button>
        </div>
      )}
    </li>
  );
}

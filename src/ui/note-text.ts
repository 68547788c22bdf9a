import { t } from '../shared/i18n';

/**
 * A note as shown: its text, and when Keeping sent more than its own maximum, the count of what
 * was folded away at the edge (docs/architecture.md, Keeping's data is bounded). Plain text.
 */
export function noteText(note: string, foldedChars: number | undefined): string {
  return foldedChars ? `${note}${t('note_folded', foldedChars)}` : note;
}

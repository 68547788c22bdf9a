/**
 * The notes Urenbrug writes on an invoice line: one text line per entry (date, person, hours,
 * the entry's note), so the bookkeeper and the customer can see what the line is made of.
 * Plain text only: it is set as a field's value, never as HTML.
 */

import { formatHoursMinutes } from '../../core/hours';
import type { Entry } from '../../core/keeping-types';
import type { Locale } from '../../core/locale';
import { parseYmd } from '../../core/period';

/**
 * INFERRED: Exact's line-notes memo holds a few thousand characters; past this, the remaining
 * entries are counted instead of listed so a "one total line" invoice never overflows the field.
 */
export const LINE_NOTES_MAX_LENGTH = 2000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** "04-05-2026" (nl) / "04/05/2026" (en): rearranged from the Y-m-d, no Date needed per entry. */
function dateText(ymd: string, locale: Locale): string {
  if (parseYmd(ymd) === null) return ymd;
  const [year, month, day] = ymd.split('-');
  return locale === 'nl' ? `${day}-${month}-${year}` : `${day}/${month}/${year}`;
}

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * One text line per entry, in the given order. When the next line would not fit in
 * `maxLength` (together with room for a marker), the rest is replaced by "(+N)", N entries.
 */
export function lineNotes(
  entries: readonly Entry[],
  personName: (userId: number) => string,
  locale: Locale,
  maxLength: number = LINE_NOTES_MAX_LENGTH,
): string {
  let text = '';
  for (const [index, entry] of entries.entries()) {
    const parts = [
      dateText(entry.date, locale),
      oneLine(personName(entry.userId)),
      formatHoursMinutes(entry.minutes),
    ];
    const note = oneLine(entry.note);
    if (note !== '') parts.push(note);
    const next = text === '' ? parts.join('  ') : `${text}\n${parts.join('  ')}`;
    const left = entries.length - index - 1;
    // Room for a later "(+N)" is kept now, so the marker always fits when it is needed.
    const reserve = left > 0 ? `\n(+${left})`.length : 0;
    if (next.length + reserve > maxLength) {
      const marker = `(+${entries.length - index})`;
      return text === '' ? marker : `${text}\n${marker}`;
    }
    text = next;
  }
  return text;
}

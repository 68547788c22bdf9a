/**
 * "bijgewerkt 3 minuten geleden" from the words of one language, without the catalogues: the
 * data age component (data-age.tsx) and the popup's first paint (popup/first-paint.ts) both say
 * it this way, so the two paints of the popup agree to the letter.
 */
import { formatAgo } from '../core/date-text';
import { substitute } from '../shared/i18n-text';
import type { Language } from '../shared/messages';

export interface AgeWords {
  /** Nothing fetched yet. */
  never: string;
  /** Under a minute ago (or in the future, after the clock moved back). */
  now: string;
  /** The sentence around "3 minuten geleden", as `$1`. */
  ago: string;
}

/** The age in words at `now`. */
export function ageText(fetchedAt: number | null, now: number, language: Language, words: AgeWords): string {
  if (fetchedAt === null) return words.never;
  if (now - fetchedAt < 60_000) return words.now;
  return substitute(words.ago, [formatAgo(fetchedAt, now, language)]);
}

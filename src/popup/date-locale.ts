import type { Locale } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { Language } from '../shared/messages';

/** date-fns locale for the UI language (British English: day-month order, like the Dutch). */
export function dateLocale(language: Language): Locale {
  return language === 'nl' ? nl : enGB;
}

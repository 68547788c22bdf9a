import type { Locale as DateFnsLocale } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { Locale } from './locale';

/**
 * The date-fns locale for a language: Dutch, or British English (day-month order, like the
 * Dutch). One choice for invoice labels, the popup and the panel.
 */
export function dateLocale(locale: Locale): DateFnsLocale {
  return locale === 'nl' ? nl : enGB;
}

/**
 * The two languages Urenbrug formats numbers and dates in. Structurally the same as
 * `Language` in shared/messages.ts; core/ keeps its own so it never imports browser code.
 */
export type Locale = 'nl' | 'en';

/** The decimal separator a person types in Exact Online for this locale. */
export function decimalSeparator(locale: Locale): ',' | '.' {
  return locale === 'nl' ? ',' : '.';
}

/** The thousands separator used when formatting money for this locale. */
export function groupSeparator(locale: Locale): '.' | ',' {
  return locale === 'nl' ? '.' : ',';
}

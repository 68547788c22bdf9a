/**
 * Number input and display as the fake Exact screen does it. Shared by the page script (typed
 * input, display) and the server (saving the posted form), so both read a number the same way.
 *
 * Values are integers scaled by 10^decimals (prices in cents, quantities in ten-thousandths) so
 * no float ever decides a cent.
 *
 * Parsing follows .NET's `Decimal.Parse(text, NumberStyles.Number, culture)`, which is what an
 * ASP.NET screen like Exact's uses: the culture's group separator is skipped wherever it stands
 * (its position is not checked). So in Dutch "38,25" is 38.25 and "1.234,50" is 1234.5, but
 * "38.25" is 3825 — the dot is a thousands separator and is dropped. In English the roles swap:
 * "1,234.56" is 1234.56 and "38,25" is 3825. An extension that writes with the wrong separator
 * therefore gets a hundredfold amount, not an error; it must write in the page's format and
 * read the value back.
 */

export type NumberLanguage = 'nl' | 'en';

interface Separators {
  decimal: string;
  group: string;
}

const SEPARATORS: Record<NumberLanguage, Separators> = {
  nl: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** Beyond this many digits the scaled integer could leave the exact range of a double. */
const MAX_DIGITS = 15;

/**
 * Parses typed text to an integer scaled by 10^decimals, rounding half away from zero.
 * Returns null for empty or invalid text (letters, two decimal separators, too many digits).
 */
export function parseScaled(text: string, language: NumberLanguage, decimals: number): number | null {
  const { decimal, group } = SEPARATORS[language];
  let body = text.trim();
  let negative = false;
  // .NET's Number style allows one leading or one trailing sign.
  if (body.startsWith('-') || body.startsWith('+')) {
    negative = body.startsWith('-');
    body = body.slice(1).trim();
  } else if (body.endsWith('-') || body.endsWith('+')) {
    negative = body.endsWith('-');
    body = body.slice(0, -1).trim();
  }
  const parts = body.split(group).join('').split(decimal);
  if (parts.length > 2) return null;
  const intPart = parts[0] ?? '';
  const fracPart = parts[1] ?? '';
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  if (intPart === '' && fracPart === '') return null;
  if (intPart.replace(/^0+/, '').length + decimals > MAX_DIGITS) return null;

  const kept = fracPart.slice(0, decimals).padEnd(decimals, '0');
  const next = fracPart.charCodeAt(decimals) - 48;
  let magnitude = Number(`${intPart || '0'}${kept}`);
  if (next >= 5) magnitude += 1;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Formats a scaled integer for display: group separators, and between minDecimals and decimals
 * fraction digits (trailing zeros beyond minDecimals dropped).
 */
export function formatScaled(
  value: number,
  language: NumberLanguage,
  decimals: number,
  minDecimals = decimals,
): string {
  const { decimal, group } = SEPARATORS[language];
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const intDigits = digits.slice(0, digits.length - decimals);
  let frac = digits.slice(digits.length - decimals);
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  const grouped = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 ? '-' : '';
  return frac.length > 0 ? `${sign}${grouped}${decimal}${frac}` : `${sign}${grouped}`;
}

/** Price and amount fields carry cents. */
export const PRICE_DECIMALS = 2;
/** Quantities (hours, km) carry four decimals, shown with at least two. */
export const QUANTITY_DECIMALS = 4;

export function formatCents(cents: number, language: NumberLanguage): string {
  return formatScaled(cents, language, PRICE_DECIMALS);
}

export function formatQuantity(scaled: number, language: NumberLanguage): string {
  return formatScaled(scaled, language, QUANTITY_DECIMALS, 2);
}

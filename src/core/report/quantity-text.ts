/**
 * The billed quantity of a filled line back in minutes, from the text Urenbrug typed into Exact
 * ("38,25" or "38.25" hours), for the rounding uplift. Null for anything that is not a plain
 * decimal number, so an unreadable quantity is counted as unknown rather than as zero.
 */
export function quantityTextMinutes(text: string): number | null {
  const match = /^(-?)(\d{1,7})(?:[.,](\d{1,4}))?$/.exec(text.trim());
  if (match === null) return null;
  const fraction = (match[3] ?? '').padEnd(4, '0');
  const tenThousandths = Number(match[2]) * 10_000 + Number(fraction);
  const minutes = Math.round((tenThousandths * 60) / 10_000);
  return match[1] === '-' ? -minutes : minutes;
}

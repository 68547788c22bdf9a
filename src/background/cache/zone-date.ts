/**
 * "Today" as Keeping means it: the calendar day in the organisation's time zone
 * (docs/keeping-api.md, Dates and time zones), not in UTC and not in the browser's zone.
 */
import { UrenbrugError } from '../../shared/errors';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw new UrenbrugError('unexpected_response', `Unknown time zone: ${timeZone}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The Y-m-d date of the instant `epochMs` in the IANA zone `timeZone`. */
export function dateInZone(timeZone: string, epochMs: number): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Which Exact administration (division) a frame shows. */
import { DIVISION_PARAM } from './selectors';

/**
 * `_Division_` from a frame URL (docs/exact-online.md, Division: confirmed). The page module reads the
 * screen's division with it; the panel uses it when the page module could not read the screen, so it can
 * still load this division's mappings.
 */
export function divisionFromUrl(url: string): number | null {
  const match = DIVISION_PARAM.exec(url);
  if (!match) return null;
  const division = Number(match[1]);
  return Number.isSafeInteger(division) && division > 0 ? division : null;
}

/** The remembered line defaults (as stored and sent: a plain record of rules) as a core RateBook. */
import type { RateBook, RateRule } from '../rates';

export interface RateDefaults {
  defaultRateCents: number;
  defaultItemCode: string;
  rules: Record<string, RateRule>;
}

export function rateBookOf(defaults: RateDefaults): RateBook {
  return {
    rules: new Map(Object.entries(defaults.rules)),
    defaultRateCents: defaults.defaultRateCents,
    defaultItemCode: defaults.defaultItemCode,
  };
}

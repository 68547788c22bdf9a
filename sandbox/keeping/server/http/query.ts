/**
 * Query parameters the way a Laravel backend reads them: arrays as `k[]=…` or `k[0]=…` (both
 * seen in real clients), booleans as `true/false` or `1/0`.
 */
import { invalid } from './api-error';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class Query {
  constructor(private readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.string(name) !== undefined || this.array(name).length > 0;
  }

  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** Values of `name[]`, `name[n]` and a plain `name`, in order of appearance. */
  array(name: string): string[] {
    const values: string[] = [];
    for (const [key, value] of this.params) {
      if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key))
        values.push(value);
    }
    return values;
  }

  int(name: string, options: { min?: number } = {}): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    return parseInt32(raw, name, options.min ?? 1);
  }

  ids(name: string): number[] | undefined {
    const raw = this.array(name);
    return raw.length === 0 ? undefined : raw.map((value) => parseInt32(value, name, 1));
  }

  bool(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw invalid(name);
  }

  day(name: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!isDay(raw)) throw invalid(name);
    return raw;
  }
}

function parseInt32(raw: string, name: string, min: number): number {
  if (!/^-?\d+$/.test(raw)) throw invalid(name);
  const value = Number(raw);
  if (value < min || value > 2_147_483_647) throw invalid(name);
  return value;
}

/** A real calendar day in Y-m-d (so 2026-02-30 is refused, as PHP's date validation does). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

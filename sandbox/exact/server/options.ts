/**
 * Per-request options: the server's options, overridden by `sandboxLang`, `sandboxVariant` and
 * `sandboxLatency` query parameters. The overrides are carried into every URL a page links to
 * (iframe, menu, form, lookups), so an e2e test can open a variant from one URL without
 * restarting the server. A bad override is a 400, not silently ignored.
 */

export type SandboxLanguage = 'nl' | 'en';
export type SandboxVariant = 'standard' | 'changed' | 'unknown' | 'reference2' | 'reference2-nototals';

export const VARIANTS: readonly SandboxVariant[] = [
  'standard',
  'changed',
  'unknown',
  'reference2',
  'reference2-nototals',
];

/** The second screen, with or without its totals block. */
export function isReferenceVariant(variant: SandboxVariant): boolean {
  return variant === 'reference2' || variant === 'reference2-nototals';
}

export interface ResolvedOptions {
  lookupLatencyMs: number;
  language: SandboxLanguage;
  /** Whether the language was asked for; without it the 'reference2' screen is English. */
  languageSet: boolean;
  variant: SandboxVariant;
}

export interface RequestOptions {
  options: ResolvedOptions;
  /** Only the sandbox parameters of this request, to append to links. */
  carry: [string, string][];
}

export class OptionError extends Error {}

const MAX_LATENCY_MS = 60_000;

export function resolveRequestOptions(base: ResolvedOptions, query: URLSearchParams): RequestOptions {
  const options = { ...base };
  const carry: [string, string][] = [];
  const lang = query.get('sandboxLang');
  if (lang !== null) {
    if (lang !== 'nl' && lang !== 'en') throw new OptionError('sandboxLang must be nl or en');
    options.language = lang;
    options.languageSet = true;
    carry.push(['sandboxLang', lang]);
  }
  const variant = query.get('sandboxVariant');
  if (variant !== null) {
    if (!isVariant(variant)) throw new OptionError(`sandboxVariant must be one of ${VARIANTS.join(', ')}`);
    options.variant = variant;
    carry.push(['sandboxVariant', variant]);
  }
  const latency = query.get('sandboxLatency');
  if (latency !== null) {
    const ms = Number(latency);
    if (!/^\d+$/.test(latency) || ms > MAX_LATENCY_MS) {
      throw new OptionError(`sandboxLatency must be an integer from 0 to ${MAX_LATENCY_MS}`);
    }
    options.lookupLatencyMs = ms;
    carry.push(['sandboxLatency', latency]);
  }
  // The second screen follows the reference's English examples unless a language was chosen.
  if (isReferenceVariant(options.variant) && !options.languageSet) options.language = 'en';
  return { options, carry };
}

export function isVariant(value: string): value is SandboxVariant {
  return (VARIANTS as readonly string[]).includes(value);
}

/** Builds a same-origin path with its parameters followed by the carried sandbox parameters. */
export function pageUrl(path: string, params: [string, string][], carry: [string, string][]): string {
  const search = new URLSearchParams();
  for (const [name, value] of params) search.append(name, value);
  for (const [name, value] of carry) {
    if (!search.has(name)) search.append(name, value);
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

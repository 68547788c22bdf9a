/**
 * Cleans a pasted personal access token. People paste with stray spaces and line breaks (a
 * JWT wraps in narrow text fields), sometimes with the "Bearer " prefix copied from docs.
 * A JWT never contains whitespace, so removing all of it is safe.
 */
export function normalizeToken(raw: string): string {
  return raw.replace(/^\s*bearer(?:\s+|$)/i, '').replace(/\s+/g, '');
}

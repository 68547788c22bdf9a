import { afterEach, describe, expect, it } from 'vitest';
import { setLanguagePreference } from './i18n';
import { draftEstimateText, estimateText, progressOf } from './write-back-text';

afterEach(() => setLanguagePreference('nl'));

const status = { done: 5, verifying: 2, pending: 10, failed: 1, conflicts: [], skipped: [] };

describe('write-back progress words', () => {
  it('counts every mark the install knows of, and those past waiting', () => {
    expect(progressOf(status)).toEqual({ handled: 8, total: 18 });
  });

  it('says before the save how long marking a large invoice takes, in both languages', () => {
    setLanguagePreference('nl');
    expect(draftEstimateText(2_000)).toBe(
      'Na opslaan in Exact markeert Urenbrug 2.000 uren in Keeping: ongeveer 17 min in het tempo van ' +
        'Keeping (120 verzoeken per minuut).',
    );
    setLanguagePreference('en');
    expect(draftEstimateText(2_000)).toContain('marks 2,000 hours in Keeping: about 17 min');
    expect(estimateText(0)).toBe('');
  });
});

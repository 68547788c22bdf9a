import { describe, expect, it } from 'vitest';
import { UrenbrugError } from '../../shared/errors';
import { mergeLeftOut, NOTE_SHOWN_CHARS, screenEntries } from './entry-screen';

const good = {
  id: 11,
  user_id: 5,
  date: '2026-05-29',
  purpose: 'work',
  project_id: 7,
  task_id: null,
  tag_ids: [],
  note: 'Jaarrekening',
  external_references: [],
  start: null,
  end: null,
  hours: 1.5,
  ongoing: false,
  locked: false,
  is_direct_hours: true,
};

describe('screenEntries: one bad entry is named and left out, never its whole page', () => {
  it('keeps the good entries and names each bad one by id and reason', () => {
    const { entries, leftOut } = screenEntries(
      [
        good,
        { ...good, id: 123, date: '2026-02-30' },
        { ...good, id: 124, hours: 5000 },
        { ...good, id: 125, purpose: 'holiday' },
        { ...good, id: 'x' },
        null,
      ],
      1,
      'test',
    );
    expect(entries.map((entry) => entry.id)).toEqual([11]);
    expect(entries[0]).toMatchObject({ minutes: 90, organisationId: 1 });
    expect(leftOut).toEqual([
      { id: 123, reason: 'date' },
      { id: 124, reason: 'hours' },
      { id: 125, reason: 'shape' },
      { id: null, reason: 'shape' },
      { id: null, reason: 'shape' },
    ]);
  });

  it("cuts a note beyond Keeping's maximum and counts the rest", () => {
    const note = 'a'.repeat(NOTE_SHOWN_CHARS) + 'b'.repeat(2_500);
    const [entry] = screenEntries([{ ...good, note }], 1, 'test').entries;
    expect(entry!.note).toHaveLength(NOTE_SHOWN_CHARS);
    expect(entry!.note.includes('b')).toBe(false);
    expect(entry!.noteFoldedChars).toBe(2_500);
    const [short] = screenEntries([{ ...good, note: 'kort' }], 1, 'test').entries;
    expect(short!.noteFoldedChars).toBeUndefined();
  });

  it('refuses a page with more items than the per_page it was asked for', () => {
    const page = Array.from({ length: 101 }, (_, index) => ({ ...good, id: index + 1 }));
    expect(() => screenEntries(page, 1, 'GET report/time-entries', 100)).toThrow(UrenbrugError);
    try {
      screenEntries(page, 1, 'GET report/time-entries', 100);
    } catch (error) {
      expect((error as UrenbrugError).code).toBe('unexpected_response');
      expect((error as UrenbrugError).detail).toBe('101 entries on a page of 100');
    }
    expect(screenEntries(page.slice(0, 100), 1, 'test', 100).entries).toHaveLength(100);
  });

  it('merges left-out lists of many pages, each id once', () => {
    const into = [{ id: 1, reason: 'date' as const }];
    mergeLeftOut(into, [
      { id: 1, reason: 'date' },
      { id: 2, reason: 'hours' },
      { id: null, reason: 'shape' },
    ]);
    expect(into).toEqual([
      { id: 1, reason: 'date' },
      { id: 2, reason: 'hours' },
      { id: null, reason: 'shape' },
    ]);
  });
});

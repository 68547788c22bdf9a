import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { guidSchema, positiveId, storedGuidSchema } from './common-schemas';
import { issueText } from './issue-text';

const GUID = '0b6c1f5e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('common schemas', () => {
  it('takes only whole, positive, exact ids', () => {
    expect(v.is(positiveId, 1)).toBe(true);
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '1', null]) {
      expect(v.is(positiveId, bad)).toBe(false);
    }
  });

  it('reads a GUID in any spelling as the stored spelling, and stores only that', () => {
    for (const spelling of [GUID, GUID.toUpperCase(), `{${GUID}}`, ` {${GUID.toUpperCase()}} `]) {
      expect(v.parse(guidSchema, spelling)).toBe(GUID);
    }
    expect(v.is(storedGuidSchema, GUID)).toBe(true);
    expect(v.is(storedGuidSchema, `{${GUID}}`)).toBe(false);
    expect(v.is(storedGuidSchema, GUID.toUpperCase())).toBe(false);
  });
});

describe('issueText', () => {
  it('names each failing path, the value itself when there is none, and counts what it leaves out', () => {
    const list = v.array(positiveId);
    const broken = v.safeParse(list, [0, 1, -2, 'x', 4.5, 0, 0, 0]);
    expect(broken.success).toBe(false);
    const text = issueText(broken.issues ?? [], 'request');
    expect(text.split('; ')).toHaveLength(6);
    expect(text).toMatch(/^0: /);
    expect(text).toContain('2: ');
    expect(text).toMatch(/; and 2 more$/);

    const whole = v.safeParse(list, 'not a list');
    expect(issueText(whole.issues ?? [], 'request')).toMatch(/^\(request\): /);
  });
});

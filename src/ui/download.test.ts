// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadJson } from './download';

afterEach(() => vi.restoreAllMocks());

describe('downloadJson', () => {
  it('clicks a download link to an object URL of the JSON, then cleans up', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
      blob = value as Blob;
      return 'blob:urenbrug/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let clicked: HTMLAnchorElement | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this;
    });

    downloadJson({ format: 'urenbrug-backup', n: 1 }, 'urenbrug-backup-2026-06-12.json');

    expect(clicked?.download).toBe('urenbrug-backup-2026-06-12.json');
    expect(clicked?.href).toBe('blob:urenbrug/1');
    expect(JSON.parse(await blob!.text())).toEqual({ format: 'urenbrug-backup', n: 1 });
    expect(document.querySelector('a[download]')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revoke).toHaveBeenCalledWith('blob:urenbrug/1');
  });
});

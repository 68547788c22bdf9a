import { describe, expect, it, vi } from 'vitest';
import { restrictToTrustedContexts } from './storage-access';

const quiet = () => ({ warn: vi.fn() });

describe('restrictToTrustedContexts', () => {
  it('asks for trusted contexts only', async () => {
    const setAccessLevel = vi.fn(async () => {});
    const log = quiet();
    expect(await restrictToTrustedContexts({ setAccessLevel }, log)).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('logs and carries on when the browser has no such call', async () => {
    const log = quiet();
    expect(await restrictToTrustedContexts({}, log)).toBe(false);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('logs and carries on when the call throws or rejects', async () => {
    const throwing = quiet();
    const throws = () => {
      throw new Error('not here');
    };
    expect(await restrictToTrustedContexts({ setAccessLevel: throws }, throwing)).toBe(false);
    expect(throwing.warn).toHaveBeenCalledTimes(1);

    const rejecting = quiet();
    const rejects = async () => {
      throw new Error('refused');
    };
    expect(await restrictToTrustedContexts({ setAccessLevel: rejects }, rejecting)).toBe(false);
    expect(rejecting.warn).toHaveBeenCalledTimes(1);
  });
});

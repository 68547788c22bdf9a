// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { trustedAction } from './trusted-action';

function clickEvent(isTrusted: boolean | undefined): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true });
  if (isTrusted !== undefined) Object.defineProperty(event, 'isTrusted', { value: isTrusted });
  return event;
}

describe('trustedAction', () => {
  it("runs the action for the person's own click", () => {
    const action = vi.fn();
    const event = clickEvent(true);
    trustedAction(action)(event);
    expect(action).toHaveBeenCalledWith(event);
  });

  it('ignores a click that a script dispatched, and one whose origin is unknown', () => {
    const action = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', trustedAction(action));
    button.click();
    button.dispatchEvent(clickEvent(false));
    trustedAction(action)(clickEvent(undefined));
    expect(action).not.toHaveBeenCalled();
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { claimFrame, TAKEOVER_EVENT } from './lifecycle';

const controllers: AbortController[] = [];

/** One content-script copy in the frame; `runtime.alive` flips when its extension is reloaded. */
function copy() {
  const controller = new AbortController();
  controllers.push(controller);
  const runtime = { alive: true };
  claimFrame(document, window, {
    alive: () => runtime.alive,
    retire: () => controller.abort(),
    signal: controller.signal,
  });
  return { runtime, retired: () => controller.signal.aborted };
}

function browserEvent(type: string): Event {
  const event = new Event(type);
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

describe('claimFrame', () => {
  it('keeps a live copy when the page dispatches the takeover event, however often', () => {
    const live = copy();
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(live.retired()).toBe(false);
  });

  it('hands over from a copy whose extension runtime is gone to the next copy', () => {
    const old = copy();
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT)); // the page tried first
    old.runtime.alive = false; // the extension was reloaded
    const next = copy();
    expect(old.retired()).toBe(true);
    expect(next.retired()).toBe(false);
  });

  it('leaves a live older copy in place when another copy arrives', () => {
    const first = copy();
    copy();
    expect(first.retired()).toBe(false);
  });

  it("ends on the browser's own pagehide only, not on one a script dispatched", () => {
    const live = copy();
    window.dispatchEvent(new Event('pagehide'));
    expect(live.retired()).toBe(false);
    window.dispatchEvent(browserEvent('pagehide'));
    expect(live.retired()).toBe(true);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PANEL_HOST_ID } from './exact/panel-host';
import { mountHost } from './mount';

const controller = new AbortController();
afterEach(() => document.body.replaceChildren());

describe('mountHost', () => {
  it('mounts the panel in a closed root that the page cannot open', () => {
    const { host, shadow, root } = mountHost(document, document.body, ':host{}', controller.signal);
    expect(host.isConnected).toBe(true);
    expect(host.shadowRoot).toBeNull();
    expect(shadow.mode).toBe('closed');
    expect(shadow.contains(root)).toBe(true);
  });

  it('never renders into a host the page planted with our id', () => {
    const planted = document.createElement('div');
    planted.id = PANEL_HOST_ID;
    const plantedRoot = planted.attachShadow({ mode: 'open' });
    const bait = document.createElement('div');
    bait.setAttribute('data-urenbrug-root', '');
    plantedRoot.append(bait);
    document.body.append(planted);

    const { host, root } = mountHost(document, document.body, '', controller.signal);
    expect(host).not.toBe(planted);
    expect(root).not.toBe(bait);
    expect(planted.isConnected).toBe(false);
    expect(document.querySelectorAll(`#${PANEL_HOST_ID}`)).toHaveLength(1);
  });

  it('removes the host when the signal aborts', () => {
    const ending = new AbortController();
    const { host } = mountHost(document, document.body, '', ending.signal);
    ending.abort();
    expect(host.isConnected).toBe(false);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReasonAction, type ReasonActionProps } from './reason-action';

describe('ReasonAction', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  const input = () => container.querySelector<HTMLInputElement>('[data-testid="reason"]') as HTMLInputElement;
  const button = () =>
    container.querySelector<HTMLButtonElement>('[data-testid="confirm"]') as HTMLButtonElement;
  async function mount(props: Partial<ReasonActionProps>) {
    await act(() =>
      render(
        <ReasonAction
          label="Reden"
          confirmLabel="Bevestig"
          reasonTestId="reason"
          confirmTestId="confirm"
          busy={false}
          onConfirm={async () => true}
          {...props}
        />,
        container,
      ),
    );
  }
  async function press() {
    await act(async () => {
      button().click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
  async function type(text: string) {
    await act(() => {
      input().value = text;
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('unlocks the button only for a reason that is more than blanks, and not while busy', async () => {
    await mount({});
    expect(container.querySelector('label')?.textContent).toBe('Reden');
    expect(button().textContent).toBe('Bevestig');
    expect(button().disabled).toBe(true);
    await type('   ');
    expect(button().disabled).toBe(true);
    await type('Deelfactuur');
    expect(button().disabled).toBe(false);
    await mount({ busy: true });
    expect(button().disabled).toBe(true);
  });

  it('hands over the typed reason; `true` empties the field, anything else keeps it', async () => {
    const answers = [false, undefined, true];
    const onConfirm = vi.fn(async (_reason: string) => answers.shift());
    await mount({ onConfirm: onConfirm as ReasonActionProps['onConfirm'] });
    await type('Gecrediteerd');
    for (const kept of ['Gecrediteerd', 'Gecrediteerd', '']) {
      await press();
      expect(input().value).toBe(kept);
    }
    expect(onConfirm.mock.calls).toEqual([['Gecrediteerd'], ['Gecrediteerd'], ['Gecrediteerd']]);
  });

  it('runs the click through the guard, which may refuse it', async () => {
    const onConfirm = vi.fn(async () => true);
    await mount({ onConfirm, guard: () => () => undefined });
    await type('Deelfactuur');
    await press();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(input().value).toBe('Deelfactuur');
  });

  it('puts extra buttons in one row with the confirm button', async () => {
    await mount({ children: <button type="button">Annuleren</button> });
    const row = container.querySelector('p.row');
    expect([...(row?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual([
      'Bevestig',
      'Annuleren',
    ]);
    await mount({});
    expect(container.querySelector('p.row')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguagePreference } from '../../../shared/i18n';
import type { InvoiceRecord, InvoiceRef } from '../../../shared/invoice-types';
import type { PanelModel } from '../model/panel-model';
import { DraftWriteBackEstimate } from './write-back-box';

let container: HTMLElement;
beforeEach(() => {
  setLanguagePreference('nl');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

/** The two signals the estimate reads; the rest of the panel model plays no part. */
function modelWith(ref: InvoiceRef, linked: number): PanelModel {
  const record = { linkedEntryIds: Array.from({ length: linked }, (_, index) => index + 1) } as InvoiceRecord;
  return { ref: signal(ref), record: signal(record) } as unknown as PanelModel;
}
const draft: InvoiceRef = { division: 7, invoiceId: null, draftKey: 'd' };

describe('DraftWriteBackEstimate', () => {
  it('says before the save how long a large invoice takes to mark at Keeping’s pace', () => {
    render(<DraftWriteBackEstimate model={modelWith(draft, 2_000)} />, container);
    expect(container.textContent).toBe(
      'Na opslaan in Exact markeert Urenbrug 2.000 uren in Keeping: ongeveer 17 min in het tempo van ' +
        'Keeping (120 verzoeken per minuut).',
    );
  });

  it('stays quiet for a small draft and for a saved invoice (its box shows progress instead)', () => {
    render(<DraftWriteBackEstimate model={modelWith(draft, 100)} />, container);
    expect(container.textContent).toBe('');
    render(
      <DraftWriteBackEstimate model={modelWith({ division: 7, invoiceId: 'x', draftKey: null }, 2_000)} />,
      container,
    );
    expect(container.textContent).toBe('');
  });
});

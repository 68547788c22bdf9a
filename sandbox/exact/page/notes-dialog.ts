/**
 * The line-notes editor. Exact opens `SysPopupMemo.aspx` in a jQuery-UI `.ui-dialog` over a
 * `.ui-widget-overlay` (docs/exact-online.md, Notes); here the dialog holds a textarea directly. Notes are
 * text: they go in and out through `value`, never through markup.
 */

import type { Labels } from './labels';

export function openNotesDialog(
  doc: Document,
  labels: Labels,
  initial: string,
  onSave: (text: string) => void,
): void {
  const overlay = doc.createElement('div');
  overlay.className = 'ui-widget-overlay';
  const dialog = doc.createElement('div');
  dialog.className = 'ui-dialog';
  dialog.setAttribute('role', 'dialog');

  const titlebar = doc.createElement('div');
  titlebar.className = 'ui-dialog-titlebar';
  const title = doc.createElement('span');
  title.className = 'ui-dialog-title';
  title.textContent = labels.notesTitle;
  titlebar.append(title);

  const content = doc.createElement('div');
  content.className = 'ui-dialog-content';
  const memo = doc.createElement('textarea');
  memo.id = 'SysPopupMemo_Memo';
  memo.value = initial;
  content.append(memo);

  const buttons = doc.createElement('div');
  buttons.className = 'ui-dialog-buttonpane';
  const ok = doc.createElement('button');
  ok.type = 'button';
  ok.id = 'SysPopupMemo_btnOK';
  ok.textContent = labels.ok;
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.id = 'SysPopupMemo_btnCancel';
  cancel.textContent = labels.cancel;
  buttons.append(ok, cancel);

  dialog.append(titlebar, content, buttons);
  const close = (): void => {
    overlay.remove();
    dialog.remove();
  };
  ok.addEventListener('click', () => {
    onSave(memo.value);
    close();
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  doc.body.append(overlay, dialog);
  memo.focus();
}

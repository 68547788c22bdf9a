import { effect } from '@preact/signals';
import { render } from 'preact';
import { language, t } from '../shared/i18n';
import { installBundledCatalogues } from '../shared/i18n-catalogues';
import { PopupApp } from './popup-app';

/** Mounts the app (loaded by boot.ts) and removes the first paint it replaces, if there was one. */
export function startPopup(firstPaint: HTMLElement | null): void {
  installBundledCatalogues();

  effect(() => {
    document.documentElement.lang = language.value;
    document.title = t('today_title');
  });

  // The page is ours: render into an element made here instead of looking one up in index.html.
  const root = document.createElement('div');
  document.body.prepend(root);
  render(<PopupApp />, root);
  // In the same task as the render: the browser never paints both, or neither.
  firstPaint?.remove();
}

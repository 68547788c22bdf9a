import { browser } from '../shared/browser';

/** Opens the options page; the popup closes by itself when the new tab takes focus. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** Opens the Overzicht in a tab of its own (tabs.create needs no permission). */
import { browser } from '../shared/browser';

export const OVERVIEW_PAGE = 'src/overview/index.html';

export function openOverview(): void {
  void browser.tabs.create({ url: browser.runtime.getURL(OVERVIEW_PAGE) });
}

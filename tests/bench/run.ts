/**
 * `npm run bench`: speed and size figures, printed as JSON lines (docs/architecture.md, Tests and the
 * sandbox). Nothing here fails on a slow machine; the figures are for comparing runs and for the closing
 * notes. `npm run bench -- panel-fill overview` runs only the parts named (names as below).
 */
import { benchBundleSizes } from './bundle-size';
import { benchContentModules } from './content-modules';
import { benchExactRest } from './exact-rest';
import { benchGrouping } from './grouping';
import { benchInvoiceMatch } from './invoice-match';
import { benchOverview } from './overview';
import { benchPanel } from './panel';
import { benchPanelFill } from './panel-fill';
import { benchPanelScale } from './panel-scale';
import { benchPopupOpen } from './popup-open';
import { benchWriteBackQueue } from './write-back-queue';

/** In the order they run: the quick, machine-independent figures first. */
const PARTS: Record<string, () => void | Promise<void>> = {
  'bundle-size': benchBundleSizes,
  'content-modules': benchContentModules,
  grouping: benchGrouping,
  'invoice-match': benchInvoiceMatch,
  'popup-open': benchPopupOpen,
  panel: benchPanel,
  'panel-fill': benchPanelFill,
  'write-back-queue': benchWriteBackQueue,
  'panel-scale': benchPanelScale,
  'exact-rest': benchExactRest,
  overview: benchOverview,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown bench part: ${unknown.join(', ')}. Parts: ${Object.keys(PARTS).join(', ')}.`);
  process.exit(2);
}
for (const [name, run] of Object.entries(PARTS)) {
  if (asked.length === 0 || asked.includes(name)) await run();
}

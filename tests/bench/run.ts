/**
 * `npm run bench`: speed and size figures, printed as JSON lines (docs/architecture.md, Tests and the
 * sandbox). Nothing here fails on a slow machine; the figures are for comparing runs and for the closing
 * notes.
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

benchBundleSizes();
await benchContentModules();
benchGrouping();
benchInvoiceMatch();
await benchPopupOpen();
await benchPanel();
await benchPanelFill();
await benchWriteBackQueue();
await benchPanelScale();
await benchExactRest();
await benchOverview();

/** Browser entry of the entry screen's script (served as /docs/Scripts/sandbox/log-entry-sales-main.js). */

import { installLogEntrySales } from './log-entry-sales';

installLogEntrySales(window);

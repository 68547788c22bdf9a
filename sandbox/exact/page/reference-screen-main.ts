/** Browser entry of the second screen's script (/docs/Scripts/sandbox/reference-screen-main.js). */

import { installReferenceScreen } from './reference-screen';

installReferenceScreen(window);

/** The only import of webextension-polyfill: everything else takes `browser` from here. */
import browser from 'webextension-polyfill';

export { browser };

/**
 * The popup's entry (index.html): paint today's kept total at once (first-paint.ts), let the
 * browser put that frame on screen, and only then load the app, whose bundle (Preact, both
 * catalogues) is most of the popup's bytes. Without a snapshot there is nothing to show first,
 * so the app loads straight away.
 */
import { paintFirst } from './first-paint';
import './popup.css';

/** A hidden page may never get an animation frame; the app loads after this at the latest. */
const LOAD_AT_THE_LATEST_MS = 100;

const painted = paintFirst(document, Date.now());

let loading = false;
function loadApp(): void {
  if (loading) return;
  loading = true;
  void import('./main').then(({ startPopup }) => startPopup(painted));
}

if (painted) {
  // setTimeout inside the frame callback runs after that frame is painted.
  requestAnimationFrame(() => setTimeout(loadApp, 0));
  setTimeout(loadApp, LOAD_AT_THE_LATEST_MS);
} else {
  loadApp();
}

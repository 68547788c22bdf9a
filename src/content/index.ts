/**
 * Content-script bootstrap for Exact Online frames. It runs in every /docs/ frame and, for now,
 * only marks the frame so tests can prove it runs; the panel mounts here in the next step.
 */
const MARKER = 'urenbrugContent';

// A second copy (extension reloaded, frame re-injected) must not act twice.
if (document.documentElement.dataset[MARKER] !== 'active') {
  document.documentElement.dataset[MARKER] = 'active';
}

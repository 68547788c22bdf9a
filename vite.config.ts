import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import manifest, { CONTENT_SCRIPT, contentScriptsEntry } from './manifest.config.ts';

// The extension runs in current Chromium only; no legacy transforms.
const TARGET = 'chrome120';
const OUT_DIR = 'dist';

/**
 * JSX as `h(type, props, ...children)` calls rather than the automatic runtime's
 * `jsx(type, { ...props, children })`: the same elements, 0.45 KB gzip less in the content
 * script, which is held to 40 KB (docs/architecture.md, Surface).
 */
function classicJsx(): Plugin {
  return {
    name: 'urenbrug-classic-jsx',
    config: () => ({
      oxc: {
        jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
        jsxInject: "import { h, Fragment } from 'preact'",
      },
    }),
  };
}

/**
 * The content script as one self-contained classic script (IIFE): nothing to import at run
 * time, so nothing in dist/ needs to be web-accessible and an Exact page cannot fetch any of the
 * extension's files to learn that it is installed. Exported for tests/bench/content-modules.ts,
 * which builds it again with a source map to weigh each module.
 */
export function contentScriptBuild(outDir: string, sourcemap = false): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [preact(), classicJsx()],
    // The content script's `browser` is a stand-in for the two calls it makes, not the whole
    // polyfill (docs/architecture.md, The polyfill once); shared/browser.ts stays its one import.
    resolve: { alias: { 'webextension-polyfill': resolve('src/shared/browser-content.ts') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      target: TARGET,
      sourcemap,
      copyPublicDir: false,
      lib: {
        entry: resolve(CONTENT_SCRIPT.entry),
        formats: ['iife'],
        name: 'urenbrugContent',
        fileName: () => CONTENT_SCRIPT.file,
      },
    },
  };
}

/** After the extension build, the content script (above) and its manifest entry. */
function classicContentScript(): Plugin {
  return {
    name: 'urenbrug-classic-content-script',
    apply: 'build',
    async closeBundle() {
      await build(contentScriptBuild(OUT_DIR));
      const manifestPath = resolve(OUT_DIR, 'manifest.json');
      const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      built.content_scripts = contentScriptsEntry();
      writeFileSync(manifestPath, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), classicContentScript()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: TARGET,
    sourcemap: false,
    // Pages the manifest does not name (popup and options it does) are built as entries of their own.
    rollupOptions: { input: { overview: resolve('src/overview/index.html') } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import manifest, {
  CONTENT_SCRIPT,
  contentScriptsEntry,
  PANEL_CHUNK,
  webAccessibleResourcesEntry,
} from './manifest.config.ts';

// The extension runs in current Chromium only; no legacy transforms.
const TARGET = 'chrome120';
const OUT_DIR = 'dist';

/**
 * JSX as `h(type, props, ...children)` calls rather than the automatic runtime's
 * `jsx(type, { ...props, children })`: the same elements, 0.45 KB gzip less in the content
 * script, which is held to 40 KB (docs/architecture.md, Surface). The import of `h` goes into
 * .tsx files only: Vite's `jsxInject` puts it into every .ts file of a bundled build too, which
 * kept all of Preact (a module with side effects) in the loader that renders nothing. Appended,
 * not prepended, so the source map's lines stay as they were (imports are hoisted either way).
 */
function classicJsx(): Plugin {
  return {
    name: 'urenbrug-classic-jsx',
    enforce: 'pre',
    config: () => ({ oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } } }),
    transform: {
      filter: { id: /\.tsx$/ },
      handler: (code) => ({ code: `${code}\nimport { h, Fragment } from 'preact';\n`, map: null }),
    },
  };
}

/**
 * What the content builds share: the content script's `browser` is a stand-in for the three calls
 * it makes, not the whole polyfill (docs/architecture.md, The polyfill once); shared/browser.ts
 * stays its one import. Classic JSX and production Preact for both.
 */
function contentBuild(outDir: string, sourcemap: boolean, build: InlineConfig['build']): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [preact(), classicJsx()],
    resolve: { alias: { 'webextension-polyfill': resolve('src/shared/browser-content.ts') } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: false, target: TARGET, sourcemap, copyPublicDir: false, ...build },
  };
}

/**
 * The content script, the loader every Exact frame runs, as one self-contained classic script
 * (IIFE) with no static imports. Exported for tests/bench/content-modules.ts, which builds it
 * again with a source map to weigh each module.
 */
export function contentScriptBuild(outDir: string, sourcemap = false): InlineConfig {
  return contentBuild(outDir, sourcemap, {
    lib: {
      entry: resolve(CONTENT_SCRIPT.entry),
      formats: ['iife'],
      name: 'urenbrugContent',
      fileName: () => CONTENT_SCRIPT.file,
    },
  });
}

/**
 * The panel, one self-contained ES module (no chunks of its own, so nothing else in dist/ needs to
 * be web-accessible) that the loader imports in the sales-invoice frame only. Vite's library mode
 * leaves an ES build unminified in whitespace and keeps its pure annotations, for a library's
 * users to tree-shake; this module has no users to tree-shake it, so it is minified like the IIFE.
 */
export function panelChunkBuild(outDir: string, sourcemap = false): InlineConfig {
  return contentBuild(outDir, sourcemap, {
    lib: { entry: resolve(PANEL_CHUNK.entry), formats: ['es'], fileName: () => PANEL_CHUNK.file },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true, comments: { annotation: false } },
    },
  });
}

/** After the extension build, the content script and the panel chunk (above) and their manifest entries. */
function classicContentScript(): Plugin {
  return {
    name: 'urenbrug-classic-content-script',
    apply: 'build',
    async closeBundle() {
      await build(contentScriptBuild(OUT_DIR));
      await build(panelChunkBuild(OUT_DIR));
      const manifestPath = resolve(OUT_DIR, 'manifest.json');
      const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      built.content_scripts = contentScriptsEntry();
      built.web_accessible_resources = webAccessibleResourcesEntry();
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

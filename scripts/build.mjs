// Bundles every entry point with esbuild. Type-checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { buildKernels } from './build-kernels.mjs';
import { zodEnglishOnly } from './build/zod-english-only.mjs';
import { browserBundle } from './build/browser-bundle.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'node20',
  plugins: [zodEnglishOnly],
};

/** Node-side bundles: [entry, outfile]. Entries that do not exist yet are skipped. */
const nodeEntries = [
  ['src/extension/extension.ts', 'dist/extension.js'],
  ['src/worker/worker.ts', 'dist/worker.js'],
  ['src/worker/csv-probe-worker.ts', 'dist/csv-probe-worker.js'],
  ['src/cli/main.ts', 'dist/cli.js'],
  ['src/debug/debug-adapter-main.ts', 'dist/debug-adapter.js'],
  ['src/debug/debug-worker.ts', 'dist/debug-worker.js'],
  ['bench/main.ts', 'dist/bench.js'],
  ['src/parallel/evaluation-worker.ts', 'dist/evaluation-worker.js'],
];

const builds = nodeEntries
  .filter(([entry]) => existsSync(entry))
  .map(([entry, outfile]) =>
    // playwright-core is the bench's only (a browser driver, loaded from node_modules when `bench -- web` runs).
    esbuild.build({ ...common, entryPoints: [entry], outfile, platform: 'node', format: 'cjs', external: ['vscode', 'playwright-core'] }),
  );

// The browser build (package.json `browser`): the extension in the web worker extension host.
// It shares every module with the Node build but its entry and platform edge, and fails
// here if anything it bundles reaches a Node built-in (browser-bundle.mjs).
builds.push(browserBundle({ ...common, entryPoints: ['src/extension/extension-web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] }));
// Its training worker, a Web Worker the browser build starts (a classic worker script).
builds.push(browserBundle({ ...common, entryPoints: ['src/worker/web-worker.ts'], outfile: 'dist/web/worker.js', format: 'iife' }));
// Its debug worker, a Web Worker the browser's inline debug adapter starts (the session, in slices).
builds.push(browserBundle({ ...common, entryPoints: ['src/debug/web-debug-worker.ts'], outfile: 'dist/web/debug-worker.js', format: 'iife' }));

if (existsSync('webview/main.ts')) {
  builds.push(
    esbuild.build({
      ...common,
      entryPoints: ['webview/main.ts'],
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      // CSS imported by the script (ours, uPlot's) is bundled into dist/webview/main.css,
      // which the CSP allows through style-src; fonts, if any, are copied beside it.
      loader: { '.css': 'css', '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    }),
  );
}

// The WebAssembly kernels (AssemblyScript), loaded at run time from dist/nn-kernels.wasm.
builds.push(buildKernels());

await Promise.all(builds);

// Compiles the mocha suites that run inside the extension host (esbuild; type-checking is
// `npm run typecheck`). For each Node suite folder: its *.test.ts → *.test.js, and the shared
// runner test/e2e/host/index.ts → index.js (the extensionTestsPath). `vscode` and `mocha`
// stay external: the extension host provides the first, the repo's node_modules the second.
// A web suite folder becomes ONE index.js for the web worker extension host
// (lib/build-web-suite.mjs); VS Code runs it in the host of the extension whose folder
// holds it, so the fixture's web suite is built into the fixture.
//
//   node scripts/e2e/build-host-tests.mjs            every suite folder below
//   node scripts/e2e/build-host-tests.mjs host web   only these
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildWebSuite } from './lib/build-web-suite.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
/** Suite folders: name → [source, output, host]. */
const suites = {
  host: ['test/e2e/host', 'out/test/e2e/host', 'node'],
  untrusted: ['test/e2e/untrusted', 'out/test/e2e/untrusted', 'node'],
  'self-test': ['test/e2e/self-test/host', 'out/test/e2e/self-test/host', 'node'],
  web: ['test/e2e/web', 'out/test/e2e/web', 'web'],
  'self-test-web': ['test/e2e/self-test/web', 'test/e2e/fixture-extension/out/self-test-web', 'web'],
};

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function buildNodeSuite(src, out) {
  const entryPoints = [
    { in: path.join(root, 'test/e2e/host/index.ts'), out: 'index' },
    ...testFiles(src).map((file) => ({ in: file, out: path.relative(src, file).replace(/\.ts$/, '') })),
  ];
  await esbuild.build({
    entryPoints,
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return entryPoints.length - 1;
}

const names = process.argv.slice(2);
for (const name of names) if (!(name in suites)) throw new Error(`unknown suite folder ${name}; known: ${Object.keys(suites).join(', ')}`);
const started = Date.now();
for (const name of names.length ? names : Object.keys(suites)) {
  const [src, out, host] = suites[name];
  const [srcDir, outDir] = [src, out].map((p) => path.join(root, p));
  fs.rmSync(outDir, { recursive: true, force: true });
  if (host === 'node') {
    const count = await buildNodeSuite(srcDir, outDir);
    console.log(`[e2e] built ${count} suite(s) + index.js into ${out}`);
  } else {
    const files = testFiles(srcDir);
    try {
      await buildWebSuite({ root, testFiles: files, outfile: path.join(outDir, 'index.js') });
    } catch (error) {
      console.error(`[e2e] ${error.message}`); // the message names the problem; the stack would only bury it
      process.exit(1);
    }
    console.log(`[e2e] bundled ${files.length} web suite(s) into ${out}/index.js`);
  }
}
console.log(`[e2e] host tests built in ${Date.now() - started} ms`);

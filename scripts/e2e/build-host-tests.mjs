// Compiles the mocha suites that run inside the extension host (esbuild; type-checking is
// `npm run typecheck`). For each suite folder: its *.test.ts → *.test.js, and the shared
// runner test/e2e/host/index.ts → index.js (the extensionTestsPath). `vscode` and `mocha`
// stay external: the extension host provides the first, the repo's node_modules the second.
//
//   node scripts/e2e/build-host-tests.mjs            both suite folders below
//   node scripts/e2e/build-host-tests.mjs host       only test/e2e/host
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
/** Suite folders: name → [source, output]. */
const suites = {
  host: ['test/e2e/host', 'out/test/e2e/host'],
  untrusted: ['test/e2e/untrusted', 'out/test/e2e/untrusted'],
  'self-test': ['test/e2e/self-test/host', 'out/test/e2e/self-test/host'],
};

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const names = process.argv.slice(2);
for (const name of names) if (!(name in suites)) throw new Error(`unknown suite folder ${name}; known: ${Object.keys(suites).join(', ')}`);
const started = Date.now();
for (const name of names.length ? names : Object.keys(suites)) {
  const [src, out] = suites[name].map((p) => path.join(root, p));
  fs.rmSync(out, { recursive: true, force: true });
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
  console.log(`[e2e] built ${entryPoints.length - 1} suite(s) + index.js into ${path.relative(root, out)}`);
}
console.log(`[e2e] host tests built in ${Date.now() - started} ms`);

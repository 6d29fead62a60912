// Bundles a folder of web suites into ONE tests module for VS Code's web worker extension
// host, which loads CommonJS and provides only `require('vscode')`: mocha's browser build,
// the suites, and test/e2e/web/lib/assert.ts in place of node:assert/strict. Fails naming
// every Node built-in (or other external) the bundle reaches, and on any esbuild warning
// (a suite using an assert function the browser assert lacks is one).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const nodeBuiltins = new Set(builtinModules);
const isNodeBuiltin = (request) => request.startsWith('node:') || nodeBuiltins.has(request.split('/')[0]);

/** node:assert/strict → the browser assert; any other Node built-in stays external, for the check to name it. */
function webImports(assertModule) {
  return {
    name: 'web-imports',
    setup(build) {
      build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: assertModule }));
      build.onResolve({ filter: /.*/ }, (args) => (isNodeBuiltin(args.path) ? { path: args.path, external: true } : undefined));
    },
  };
}

/**
 * mocha's package says "type": "module", so esbuild bundles its UMD browser build as ESM,
 * where `module` is the bundle's own: the UMD would replace the tests module's exports with
 * mocha. Evaluated with no module or define in scope, it only sets the globals, as in a page.
 */
const mochaAsPageScript = {
  name: 'mocha-as-page-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await fs.promises.readFile(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/** `importer imports request` for each import the web host could not satisfy. */
function unreachableImports(metafile) {
  return Object.entries(metafile.inputs).flatMap(([importer, { imports }]) =>
    imports.filter((i) => i.external && i.path !== 'vscode').map((i) => `${importer} imports ${i.path}`));
}

/**
 * Writes `outfile`, a tests module whose run() runs `testFiles` (absolute paths) with
 * test/e2e/web/lib/run-suites.ts.
 */
export async function buildWebSuite({ root, testFiles, outfile }) {
  const lib = path.join(root, 'test/e2e/web/lib');
  const suites = testFiles.map((file) => `  [${JSON.stringify(path.relative(root, file))}, () => require(${JSON.stringify(file)})],`);
  const entry = [
    `const { runSuites } = require(${JSON.stringify(path.join(lib, 'run-suites.ts'))});`,
    `exports.run = () => runSuites([\n${suites.join('\n')}\n]);`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'web-suites.js', loader: 'js' },
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    plugins: [webImports(path.join(lib, 'assert.ts')), mochaAsPageScript],
    metafile: true,
    logLevel: 'warning',
  });
  const problems = unreachableImports(result.metafile);
  if (problems.length) throw new Error(`the web bundle ${path.relative(root, outfile)} reaches what a web worker has not:\n  ${problems.join('\n  ')}`);
  if (result.warnings.length) throw new Error(`the web bundle ${path.relative(root, outfile)} built with ${result.warnings.length} warning(s) (above)`);
}

// An esbuild bundle for a browser's workers (the web worker extension host, a Web Worker):
// csv-parse's browser build, Node's Buffer from the `buffer` package, and a failure naming
// the importer when anything bundled reaches a Node built-in.
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Fails the build on an import of a Node built-in, naming who imports it. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
      if (!builtins.has(args.path) && !builtins.has(args.path.split('/')[0])) return undefined;
      return { errors: [{ text: `${args.path} is a Node built-in: the browser build must not reach it (imported by ${path.relative(process.cwd(), args.importer)})` }] };
    });
  },
};

/** esbuild.build for a browser worker with `options` (entryPoints, outfile, external, …). */
export function browserBundle(options) {
  return esbuild.build({
    format: 'cjs',
    ...options,
    platform: 'browser',
    target: 'es2022',
    alias: { 'csv-parse': 'csv-parse/browser/esm' },
    inject: [path.join(here, 'buffer-global.mjs')],
    plugins: [...(options.plugins ?? []), noNodeBuiltins],
  });
}

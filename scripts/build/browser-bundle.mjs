// An esbuild bundle for a browser's workers (the web worker extension host, a Web Worker):
// csv-parse's browser build, Node's Buffer from the `buffer` package, events from `events`, and a failure naming
// the importer when anything bundled reaches a Node built-in.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * The built-ins a browser bundle gets a stand-in for, as @vscode/debugadapter uses them: the
 * `events` package (by its file: the bare name is Node's), and the worker's own URL for `url`.
 */
const substitutes = {
  events: createRequire(import.meta.url).resolve('events/events.js'),
  url: path.join(here, 'url-global.mjs'),
};

/** The `browser` field of the package.json nearest above `file` (a package's own map of what a browser gets instead). */
function browserMapOf(file) {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const browser = JSON.parse(readFileSync(manifest, 'utf8')).browser;
    return typeof browser === 'object' && browser !== null ? browser : {};
  }
  return {};
}

/**
 * Fails the build on an import of a Node built-in, naming who imports it; except the
 * substitutes above, and where the
 * importing package's own `browser` field maps it to false (protobufjs guards its
 * `require("fs")` and declares it so): esbuild then bundles an empty module.
 */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
      if (!builtins.has(args.path) && !builtins.has(args.path.split('/')[0])) return undefined;
      if (Object.hasOwn(substitutes, args.path)) return { path: substitutes[args.path] };
      if (args.importer && browserMapOf(args.importer)[args.path] === false) return undefined;
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

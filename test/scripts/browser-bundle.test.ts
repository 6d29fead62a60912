// The browser build's bundler (scripts/build/browser-bundle.mjs): the extension's web entry
// bundles with nothing required but `vscode`, and a Node built-in reached from any file,
// however indirectly, fails the build naming it and who imports it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

type BrowserBundle = (options: esbuild.BuildOptions) => Promise<esbuild.BuildResult>;

async function browserBundle(): Promise<BrowserBundle> {
  const module: { browserBundle: BrowserBundle } = await import('../../scripts/build/browser-bundle.mjs');
  return module.browserBundle;
}

/** The build's error texts for `entry`, or [] when it bundled. */
async function errorsOf(entry: string): Promise<string[]> {
  const bundle = await browserBundle();
  try {
    await bundle({ entryPoints: [entry], bundle: true, write: false, outfile: path.join(ROOT, 'out', 'browser-bundle-test.js'), external: ['vscode'], logLevel: 'silent' });
    return [];
  } catch (e) {
    return ((e as esbuild.BuildFailure).errors ?? []).map((x) => x.text);
  }
}

describe('the browser bundle', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-browser-bundle-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('of the extension (src/extension/extension-web.ts) requires nothing but vscode', async () => {
    const bundle = await browserBundle();
    const result = await bundle({ entryPoints: [path.join(ROOT, 'src/extension/extension-web.ts')], bundle: true, write: false, outfile: path.join(ROOT, 'out', 'web-extension-test.js'), external: ['vscode'], logLevel: 'silent' });
    const text = result.outputFiles?.find((f) => f.path.endsWith('.js'))?.text ?? '';
    assert.ok(text.length > 100_000, 'the bundle holds the extension');
    assert.deepEqual([...new Set(text.match(/\brequire\("[^"]+"\)/g))], ['require("vscode")']);
  });

  it('fails on a Node built-in two imports away, naming it and its importer', async () => {
    fs.writeFileSync(path.join(dir, 'entry.ts'), "import { b } from './middle';\nexport const a = b;\n");
    fs.writeFileSync(path.join(dir, 'middle.ts'), "import * as fs from 'node:fs';\nexport const b = fs.existsSync;\n");
    const errors = await errorsOf(path.join(dir, 'entry.ts'));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^node:fs is a Node built-in: the browser build must not reach it \(imported by .*middle\.ts\)$/);
  });

  it('fails on a built-in by its bare name (path, worker_threads/…) too', async () => {
    fs.writeFileSync(path.join(dir, 'bare.ts'), "import * as p from 'path';\nimport { Worker } from 'worker_threads';\nexport const x = [p.sep, Worker];\n");
    const errors = await errorsOf(path.join(dir, 'bare.ts'));
    assert.deepEqual(errors.map((e) => e.split(' ')[0]).sort(), ['path', 'worker_threads']);
  });

  it('of the training worker (src/worker/web-worker.ts) requires nothing at all', async () => {
    const bundle = await browserBundle();
    const result = await bundle({ entryPoints: [path.join(ROOT, 'src/worker/web-worker.ts')], bundle: true, write: false, format: 'iife', outfile: path.join(ROOT, 'out', 'web-worker-test.js'), logLevel: 'silent' });
    const text = result.outputFiles?.find((f) => f.path.endsWith('.js'))?.text ?? '';
    assert.ok(text.length > 100_000, 'the bundle holds the worker');
    assert.deepEqual([...new Set(text.match(/\brequire\("[^"]+"\)/g) ?? [])], []);
  });

  it('of the debug worker (src/debug/web-debug-worker.ts) requires nothing at all: @vscode/debugadapter gets the events package and the worker’s URL', async () => {
    const bundle = await browserBundle();
    const result = await bundle({ entryPoints: [path.join(ROOT, 'src/debug/web-debug-worker.ts')], bundle: true, write: false, format: 'iife', outfile: path.join(ROOT, 'out', 'web-debug-worker-test.js'), logLevel: 'silent' });
    const text = result.outputFiles?.find((f) => f.path.endsWith('.js'))?.text ?? '';
    assert.ok(text.length > 100_000, 'the bundle holds the session');
    assert.deepEqual([...new Set(text.match(/\brequire\("[^"]+"\)/g) ?? [])], []);
    // The stand-ins, not an empty module: the events package's EventEmitter, and the global URL.
    assert.match(text, /EventEmitter\.prototype\.emit = function emit/);
    assert.match(text, /scripts\/build\/url-global\.mjs[\s\S]{0,200}= globalThis\.URL;/);
  });

  it('substitutes only the stand-ins it has: another built-in of the debug adapter’s kind still fails', async () => {
    const entry = path.join(dir, 'uses-net.ts');
    fs.writeFileSync(entry, "import * as net from 'net';\nimport { EventEmitter } from 'events';\nexport const x = [net, EventEmitter];\n");
    const errors = await errorsOf(entry);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /^net is a Node built-in/);
  });

  it('lets a package map a built-in to nothing in its own browser field, and only that package', async () => {
    const pkg = (name: string, browser: unknown): void => {
      const home = path.join(dir, 'node_modules', name);
      fs.mkdirSync(home, { recursive: true });
      fs.writeFileSync(path.join(home, 'package.json'), JSON.stringify({ name, main: 'index.js', ...(browser ? { browser } : {}) }));
      fs.writeFileSync(path.join(home, 'index.js'), 'let fs = null;\ntry { fs = require("fs"); } catch {}\nexports.hasFs = fs !== null;\n');
    };
    pkg('guarded', { fs: false });
    pkg('unguarded', undefined);
    fs.writeFileSync(path.join(dir, 'uses-guarded.ts'), "import { hasFs } from 'guarded';\nexport const x = hasFs;\n");
    fs.writeFileSync(path.join(dir, 'uses-unguarded.ts'), "import { hasFs } from 'unguarded';\nexport const x = hasFs;\n");
    assert.deepEqual(await errorsOf(path.join(dir, 'uses-guarded.ts')), []);
    const errors = await errorsOf(path.join(dir, 'uses-unguarded.ts'));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^fs is a Node built-in: the browser build must not reach it \(imported by .*unguarded.index\.js\)$/);
  });
});

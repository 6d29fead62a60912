// The rooms the web build (issue 14) will share unchanged must bundle for a browser: esbuild,
// platform 'browser', every file of the room as an entry, fails on any Node built-in
// (node:fs, path, worker_threads…) that any of them reaches.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED_ROOMS = ['src/core', 'src/protocol', 'src/export'];

function sourcesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesOf(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The Node built-ins a browser bundle of `entries` cannot resolve (esbuild's errors name them). */
async function nodeImportsOf(entries: string[]): Promise<string[]> {
  try {
    await esbuild.build({ entryPoints: entries, bundle: true, write: false, platform: 'browser', format: 'esm', outdir: path.join(ROOT, 'out', 'browser-clean'), logLevel: 'silent' });
    return [];
  } catch (e) {
    const errors = (e as esbuild.BuildFailure).errors ?? [];
    assert.ok(errors.length > 0, `esbuild failed without errors: ${String(e)}`);
    return errors.map((x) => `${x.location?.file ?? '?'}: ${x.text}`);
  }
}

describe('the rooms the browser build shares', function () {
  this.timeout(60_000);
  for (const room of SHARED_ROOMS) {
    it(`${room} bundles for a browser: no Node built-in is reached from any of its files`, async () => {
      const problems = await nodeImportsOf(sourcesOf(path.join(ROOT, room)));
      assert.deepEqual(problems, []);
    });
  }

  it('is a test that can fail: a room that reaches node:fs is refused, and the import is named', async () => {
    const problems = await nodeImportsOf([path.join(ROOT, 'src', 'kernels', 'wasm-loader.ts')]);
    assert.ok(problems.some((p) => /wasm-loader\.ts: Could not resolve "node:(fs|path)"/.test(p)), problems.join('\n'));
  });
});

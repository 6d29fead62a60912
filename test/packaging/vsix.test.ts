// What ships: the packaged .vsix holds only what runs (bundles, webview, grammar, language
// files, the docs diagnostics link to, the examples the walkthrough opens, media, readme,
// changelog, licence) and stays under 2 MB. Run by `npm run test:ui` after `npm run package`
// (NNSPEC_VSIX names the file).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

const VSIX = path.resolve(process.env.NNSPEC_VSIX ?? '.vscode-test/nnspec.vsix');
const MAX_BYTES = 2 * 1024 * 1024;
/** The bundles the package was made from (npm run package builds them first). */
const DIST = path.resolve(__dirname, '..', '..', 'dist');

/** Every file the package may hold, as patterns over the paths inside `extension/`. */
const ALLOWED: readonly RegExp[] = [
  /^package\.json$/,
  /^readme\.md$/,
  /^changelog\.md$/,
  /^LICENSE\.txt$/,
  /^language-configuration\.json$/,
  /^dist\/(extension|worker|csv-probe-worker|evaluation-worker|debug-adapter|debug-worker)\.js$/,
  /^dist\/web\/(extension|worker|debug-worker)\.js$/,
  /^dist\/webview\/[\w.-]+\.(js|css|ttf|woff2?)$/,
  /^dist\/[\w.-]+\.wasm$/,
  /^syntaxes\/nnspec\.tmLanguage\.json$/,
  /^snippets\/nnspec\.json$/,
  /^docs\/(format\.md|debugging\.md|nnspec\.schema\.json)$/,
  /^examples\/[\w-]+\.nnspec$/,
  /^examples\/data\/[\w-]+\.csv$/,
  /^media\/icon\.png$/,
  /^media\/walkthrough\/[\w-]+\.md$/,
];

function entries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open'));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the packaged extension', () => {
  let names: string[];
  before(async () => {
    names = await entries(VSIX);
  });

  it('holds only what runs', () => {
    const inside = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    const unexpected = inside.filter((n) => !ALLOWED.some((p) => p.test(n)));
    assert.deepEqual(unexpected, []);
    const outside = names.filter((n) => !n.startsWith('extension/'));
    assert.deepEqual(outside.sort(), ['[Content_Types].xml', 'extension.vsixmanifest']);
  });

  it('holds everything the manifest refers to', () => {
    const inside = new Set(names.map((n) => n.replace(/^extension\//, '')));
    for (const needed of ['dist/extension.js', 'dist/web/extension.js', 'dist/web/worker.js', 'dist/web/debug-worker.js', 'dist/worker.js', 'dist/csv-probe-worker.js', 'dist/evaluation-worker.js', 'dist/debug-adapter.js', 'dist/debug-worker.js', 'dist/nn-kernels.wasm', 'docs/debugging.md', 'dist/webview/main.js', 'media/icon.png', 'docs/format.md', 'examples/xor.nnspec', 'examples/data/iris.csv', 'syntaxes/nnspec.tmLanguage.json']) {
      assert.ok(inside.has(needed), needed);
    }
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) assert.ok([...inside].some((f) => f.startsWith(`media/walkthrough/${n}-`)), `walkthrough step ${n}`);
  });

  it('bundles zod with its English messages only (the other 63 locales were a quarter of each bundle)', () => {
    for (const bundle of ['extension.js', 'web/extension.js', 'worker.js']) {
      const text = readFileSync(path.join(DIST, bundle), 'utf8');
      assert.ok(text.includes('Invalid input'), `${bundle} keeps English`);
      assert.ok(!text.includes('Ungültige'), `${bundle} holds no German`);
    }
  });

  it('stays under 2 MB and ships no node_modules, sources or maps', () => {
    assert.ok(statSync(VSIX).size < MAX_BYTES, `${statSync(VSIX).size} bytes`);
    assert.deepEqual(names.filter((n) => /node_modules|\.ts$|\.map$|\/src\/|\/test\//.test(n)), []);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CsvProbeResult } from '../../src/core/spec/data-probe';
import { createCsvProbe, probeCsv, probeCsvAsync, type CsvProbeOptions } from '../../src/data/csv-probe';

/**
 * A workspace `ws/` with the spec folder `ws/specs/`, data in `ws/data/`, and a file
 * outside the workspace reachable by `../`, by an absolute path and through a symlink.
 */
describe('csv probe', () => {
  let root: string, ws: string, specDir: string, outsideFile: string;
  let options: CsvProbeOptions;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'nnspec-probe-'));
    ws = path.join(root, 'ws');
    specDir = path.join(ws, 'specs');
    fs.mkdirSync(specDir, { recursive: true });
    fs.mkdirSync(path.join(ws, 'data', 'folder.csv'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'data', 'iris.csv'), 'a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n');
    fs.writeFileSync(path.join(ws, 'data', 'header.csv'), 'a,b\n');
    fs.writeFileSync(path.join(ws, 'data', 'ragged.csv'), 'a,b\n1\n');
    outsideFile = path.join(root, 'outside.csv');
    fs.writeFileSync(outsideFile, 'x,y\n1,0\n');
    fs.symlinkSync(outsideFile, path.join(ws, 'data', 'link.csv'));
    fs.symlinkSync(path.join(ws, 'data', 'iris.csv'), path.join(ws, 'data', 'inner-link.csv'));
    options = { workspaceRoot: ws, allowOutside: false };
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const code = (r: CsvProbeResult): string => (r.status === 'failed' ? r.error.code : r.status);

  it('summarises a CSV relative to the spec folder', () => {
    const r = probeCsv(specDir, '../data/iris.csv', options);
    assert.ok(r.status === 'ok');
    assert.equal(r.summary.rows, 3);
    assert.deepEqual(
      r.summary.columns.map((c) => [c.name, c.numeric, c.distinct]),
      [['a', true, ['1', '3', '5']], ['b', true, ['2', '4', '6']], ['species', false, ['setosa', 'virginica']]],
    );
  });

  it('refuses files outside the workspace: ../, absolute, and a symlink leading outside', () => {
    assert.equal(code(probeCsv(specDir, '../../outside.csv', options)), 'csv-outside-workspace');
    assert.equal(code(probeCsv(specDir, outsideFile, options)), 'csv-outside-workspace');
    assert.equal(code(probeCsv(specDir, '../data/link.csv', options)), 'csv-outside-workspace');
    assert.equal(code(probeCsv(specDir, '../../missing.csv', options)), 'csv-outside-workspace');
  });

  it('allows them when reading outside is allowed', () => {
    const allow = { ...options, allowOutside: true };
    for (const p of ['../../outside.csv', outsideFile, '../data/link.csv']) assert.equal(code(probeCsv(specDir, p, allow)), 'ok', p);
  });

  it('accepts a symlink that stays inside, and an absolute path inside', () => {
    assert.equal(code(probeCsv(specDir, '../data/inner-link.csv', options)), 'ok');
    assert.equal(code(probeCsv(specDir, path.join(ws, 'data', 'iris.csv'), options)), 'ok');
  });

  it('missing: csv-not-found; a directory: csv-not-a-file; too large: csv-too-large', () => {
    assert.equal(code(probeCsv(specDir, '../data/nope.csv', options)), 'csv-not-found');
    assert.equal(code(probeCsv(specDir, '../data/folder.csv', options)), 'csv-not-a-file');
    assert.equal(code(probeCsv(specDir, '../data/iris.csv', { ...options, maxBytes: 10 })), 'csv-too-large');
  });

  it('header only: csv-empty; ragged: csv-malformed', () => {
    assert.equal(code(probeCsv(specDir, '../data/header.csv', options)), 'csv-empty');
    assert.equal(code(probeCsv(specDir, '../data/ragged.csv', options)), 'csv-malformed');
  });

  it('the async variant answers exactly as the sync one', async () => {
    for (const p of ['../data/iris.csv', '../../outside.csv', '../data/link.csv', '../data/nope.csv', '../data/folder.csv', '../data/header.csv', outsideFile]) {
      assert.deepEqual(await probeCsvAsync(specDir, p, options), probeCsv(specDir, p, options), p);
    }
    assert.equal(code(await probeCsvAsync(specDir, '../data/iris.csv', { ...options, maxBytes: 10 })), 'csv-too-large');
  });

  it('createCsvProbe answers from the spec folder and remembers its answers', () => {
    const probe = createCsvProbe(specDir, options);
    const first = probe('../data/iris.csv');
    assert.equal(code(first), 'ok');
    assert.equal(probe('../data/iris.csv'), first);
    assert.equal(code(probe('../../outside.csv')), 'csv-outside-workspace');
  });
});

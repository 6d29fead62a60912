/**
 * The memory of reading a CSV (issue 18: a 200 MB file grew a run past 4 GiB). The file is
 * parsed as a stream straight into typed arrays: while a 30 MB file is read, the heap holds
 * about the Float64 size of the rows read so far, never the text or rows of strings; and a
 * file whose run cannot fit the memory budget is refused from a count of its lines, before
 * it is parsed, through the real process.
 *
 * Memory is measured after a full garbage collection (heapUsed + arrayBuffers), never time.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { loadCsvFile, scanForLoad, type CsvReadOnce } from '../../src/data/csv-file';
import { writeGeneratedCsv } from '../data/generated-csv';
import { runCli, STACK_TRACE } from './built-cli';

const MiB = 1024 * 1024;

/** `global.gc` when node runs with --expose-gc; otherwise the same function, exposed now. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** What the process holds after a full collection: the JS heap and the typed arrays' buffers. */
function liveBytes(gc: () => void): number {
  // Twice: a buffer let go in the first collection is freed by the second.
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Writes a CSV of x1,x2,x3,y rows of at least `bytes` bytes, a block at a time; returns its row count. */
function writeCsv(file: string, bytes: number): number {
  const fd = fs.openSync(file, 'w');
  let written = fs.writeSync(fd, 'x1,x2,x3,y\n');
  let rows = 0;
  while (written < bytes) {
    let block = '';
    for (let j = 0; j < 10_000; j++, rows++) block += `${(rows % 9973) / 7},${-(rows % 101) * 1.25},${rows},${rows % 3}\n`;
    written += fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
  return rows;
}

describe('the memory of reading a CSV', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-csv-memory-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a 30 MB file: while it is read, the heap holds about the Float64 size of the rows so far; after, the table', () => {
    const gc = collector();
    const file = path.join(dir, 'big.csv');
    const rows = writeCsv(file, 30 * MiB);
    const float64Bytes = (r: number): number => r * 4 * 8;

    const base = liveBytes(gc);
    let read = 0;
    const samples: { rows: number; bytes: number }[] = [];
    // The job's path (openSpec): the probe's pass fills the table, which the loader then takes.
    const readOnce: CsvReadOnce = new Map();
    const sampler = {
      add(): void {
        if (++read % 131_072 === 0) samples.push({ rows: read - 1, bytes: liveBytes(gc) - base });
      },
    };
    const scanned = scanForLoad(file, 'y', undefined, { readOnce }, sampler);
    assert.ok(scanned.ok);
    const table = loadCsvFile(file, { target: 'y', task: 'classification' }, { readOnce });
    assert.ok(table.ok, table.ok ? '' : table.error.message);
    assert.equal(table.value.m, rows);
    const retained = liveBytes(gc) - base;

    assert.ok(samples.length >= 7, `${samples.length} samples`);
    const figures = samples.map((s) => `${s.rows} rows: ${(s.bytes / MiB).toFixed(1)} MiB`).join('; ');
    for (const s of samples) {
      // The blocks filled so far (the first ones grow geometrically), the class codes and one chunk:
      // never the text (30 MB) or rows of strings.
      assert.ok(s.bytes <= 1.25 * float64Bytes(s.rows) + 10 * MiB, `while reading, ${figures} (Float64 size ${(float64Bytes(s.rows) / MiB).toFixed(1)} MiB)`);
    }
    // X (3 doubles a row) and the targets (one number a row): the Float64 size, nothing of the pass.
    assert.ok(retained <= float64Bytes(rows) + 8 * MiB, `after: ${(retained / MiB).toFixed(1)} MiB for a Float64 size of ${(float64Bytes(rows) / MiB).toFixed(1)} MiB`);
    assert.equal(table.value.X.length, rows * 3);
  });

  describe('through the real process (bin/nnspec.js)', () => {
    const SPEC = 'layers:\n  - units: 2\n  - units: 3\n    activation: tanh\n  - units: 1\n    activation: sigmoid\ndata:\n  csv: data/big.csv\n  target: y\n';

    /** A workspace whose 20 MB CSV has 3,333,333 data rows; the third is not CSV (a quote closed mid-cell), so parsing it stops on line 4. */
    function workspace(): string {
      const ws = fs.mkdtempSync(path.join(dir, 'ws-'));
      fs.mkdirSync(path.join(ws, 'data'));
      fs.writeFileSync(path.join(ws, 'spec.nnspec'), SPEC);
      const csv = path.join(ws, 'data', 'big.csv');
      const bytes = writeGeneratedCsv(csv, 'x1,x2,y\n1,2,0\n3,4,1\n5,"6"7,0\n', 3_333_330, (i) => `${i % 10},2,${i % 2}\n`);
      assert.equal(bytes, 20_000_009);
      return ws;
    }

    it('--max-memory-mb below what the file’s rows need: refused from its line count, before it is parsed, in one line', async () => {
      const ws = workspace();
      const done = await runCli(['train', 'spec.nnspec', '--quiet', '--max-memory-mb', '64'], ws);
      assert.equal(done.code, 1, done.stderr);
      assert.doesNotMatch(done.stdout + done.stderr, STACK_TRACE);
      const errors = done.stderr.split('\n').filter((line) => / error /.test(line));
      assert.equal(errors.length, 1, done.stderr);
      // The estimate, what it rests on, the budget, and the setting and flag that raise it.
      assert.match(
        errors[0]!,
        /^spec\.nnspec:\d+:\d+: error too-much-memory: Training would need up to [\d.]+ MiB of memory \(.*\), estimated from the line breaks of data\/big\.csv \(19\.1 MiB: at most 3,333,333 data rows\) before parsing it, over the limit of 64 MiB; .*nnspec\.limits\.maxMemoryMB \(CLI: --max-memory-mb\)\.$/,
      );
      assert.ok(!fs.existsSync(path.join(ws, 'spec.weights.json')));

      // The same file within the default budget is parsed, and its broken quote stops it on line 4:
      // the refusal above came before any of it was parsed.
      const read = await runCli(['train', 'spec.nnspec', '--quiet'], ws);
      assert.equal(read.code, 1, read.stderr);
      assert.match(read.stderr, /error csv-malformed: .*big\.csv:4: the file is not valid CSV \(Invalid Closing Quote/);
      assert.doesNotMatch(read.stderr, /too-much-memory/);
    });
  });
});

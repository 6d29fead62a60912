import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CsvProbeResult, CsvRowsBound, DataProbe } from '../../../src/core/spec/data-probe';
import { validateSpec } from '../../../src/core/spec/validate';
import { estimateRunMemory } from '../../../src/core/train/memory-estimate';
import { createCsvProbe } from '../../../src/data/csv-probe';
import { writeFewFeaturesManyClasses, writeGeneratedCsv } from '../../data/generated-csv';

const MiB = 1024 * 1024;
const SPEC = 'layers:\n  - units: 2\n  - units: 3\n  - units: 1\ndata:\n  csv: big.csv\n  target: y\n';
const SUMMARY: CsvProbeResult = {
  status: 'ok',
  summary: { rows: 4, columns: ['x1', 'x2', 'y'].map((name) => ({ name, numeric: true, distinct: ['0', '1'], distinctTruncated: false })) },
};

/** A probe that answers a rows bound as its count would and counts the parses it is asked for. */
function probeOf(bound: CsvRowsBound | undefined): DataProbe & { reads: number } {
  const probe = Object.assign(
    (): CsvProbeResult => {
      probe.reads++;
      return SUMMARY;
    },
    { reads: 0, ...(bound ? { rowsBound: () => bound } : {}) },
  );
  return probe;
}

/** The CLI's probe for a real folder, counting the parses it is asked for (its rows bound parses nothing). */
function countingProbe(dir: string): DataProbe & { reads: () => number } {
  const real = createCsvProbe(dir, { workspaceRoot: dir, allowOutside: false });
  let reads = 0;
  const probe = (csvPath: string, target?: string, features?: readonly string[]): CsvProbeResult => {
    reads++;
    return real(csvPath, target, features);
  };
  // Everything else the real probe answers (its rows bound) is passed on as it is.
  return Object.assign(probe, real, { reads: () => reads });
}

describe('the memory of a CSV run, estimated before the file is parsed', () => {
  it('refuses from the rows bound alone: too-much-memory on `layers`, and the file is never parsed', () => {
    const probe = probeOf({ status: 'ok', bytes: 2 ** 40, rows: 200_000_000_000 });
    const v = validateSpec(SPEC, { probe, maxMemoryMB: 64 });
    assert.deepEqual(
      v.diagnostics.map((d) => [d.code, SPEC.slice(d.range[0], d.range[1])]),
      [['too-much-memory', 'layers']],
    );
    assert.equal(probe.reads, 0, 'refused from the count: the probe never parsed the file');
    const message = v.diagnostics[0]!.message;
    assert.match(message, /up to/);
    assert.match(message, /big\.csv \(1024 GiB: at most 200,000,000,000 data rows\) before parsing it/);
    assert.match(message, /64 MiB/);
    assert.match(message, /nnspec\.limits\.maxMemoryMB \(CLI: --max-memory-mb\)/);
  });

  it('a file whose bound fits is parsed, and the rows it holds are checked as before', () => {
    const probe = probeOf({ status: 'ok', bytes: 1000, rows: 100 });
    assert.equal(validateSpec(SPEC, { probe, maxMemoryMB: 64 }).hasErrors, false);
    assert.equal(probe.reads, 1);
    // Without a bound (a probe that cannot count), or one the probe refuses, the probe is asked and says why.
    for (const bound of [undefined, { status: 'refused' } as const]) {
      const other = probeOf(bound);
      assert.equal(validateSpec(SPEC, { probe: other, maxMemoryMB: 64 }).hasErrors, false);
      assert.equal(other.reads, 1);
    }
  });

  it('while the bound is pending (the editor counting), the file is not probed and nothing is reported', () => {
    const probe = probeOf({ status: 'pending' });
    const v = validateSpec(SPEC, { probe, maxMemoryMB: 64 });
    assert.deepEqual(v.diagnostics, []);
    assert.equal(probe.reads, 0);
    assert.equal(v.examples, undefined);
  });

  describe('real files, counted by their line breaks', function () {
    this.timeout(30_000);
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(tmpdir(), 'nnspec-csv-rows-'));
      // 5.9 MiB: a bound of a row per 2 · 2 bytes made it 1.5M rows and 4.7 GiB; it holds 480,000.
      writeFewFeaturesManyClasses(path.join(dir, 'classes.csv'));
      // The 70 MiB file of 3.5M rows of 20 bytes, scaled down 10× with the budget.
      writeGeneratedCsv(path.join(dir, 'two.csv'), 'a,b,y\n', 350_000, (i) => `0.${String(i % 1e6).padStart(6, '0')},0.${String((i * 31) % 1e6).padStart(6, '0')},${i % 10}\n`);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const CLASSES = 'task: classification\nlayers:\n  - units: 1\n  - units: 8\n    activation: relu\n  - units: 100\n    activation: softmax\ntrain:\n  optimizer: adam\ndata:\n  csv: classes.csv\n  target: y\n';
    const TWO = 'task: classification\nlayers:\n  - units: 2\n  - units: 4\n    activation: relu\n  - units: 10\n    activation: softmax\ntrain:\n  optimizer: adam\ndata:\n  csv: two.csv\n  target: y\n';

    it('few features and many classes: 480,000 rows (1.5 GiB) fit the default budget', () => {
      const probe = countingProbe(dir);
      const v = validateSpec(CLASSES, { probe });
      assert.deepEqual(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
      assert.equal(v.examples, 480_000);
      assert.equal(probe.reads(), 1);
      assert.deepEqual(probe.rowsBound?.('classes.csv'), { status: 'ok', bytes: fs.statSync(path.join(dir, 'classes.csv')).size, rows: 480_000 });
    });

    it('layers 2-4-10 and 20-byte rows: the 3.5M-row case, scaled down 10× with its budget, fits', () => {
      const probe = countingProbe(dir);
      // The run's real estimate (about 138 MiB) is in the budget; the bytes-only bound's (about 468 MiB) was not.
      assert.ok(estimateRunMemory({ sizes: [2, 4, 10], examples: 350_000, optimizer: 'adam', source: 'csv' }).bytes < 410 * MiB);
      const v = validateSpec(TWO, { probe, maxMemoryMB: 410 });
      assert.deepEqual(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
      assert.equal(v.examples, 350_000);
    });

    it('a file whose real rows exceed the budget is still refused before it is parsed', () => {
      const probe = countingProbe(dir);
      const v = validateSpec(CLASSES, { probe, maxMemoryMB: 1024 });
      assert.deepEqual(v.diagnostics.map((d) => d.code), ['too-much-memory']);
      assert.equal(probe.reads(), 0, 'refused from the count: nothing was parsed');
      assert.match(v.diagnostics[0]!.message, /^Training would need up to 1\.5 GiB of memory \(.*\), estimated from the line breaks of classes\.csv \(5\.9 MiB: at most 480,000 data rows\) before parsing it, over the limit of 1 GiB; .*nnspec\.limits\.maxMemoryMB \(CLI: --max-memory-mb\)\.$/);
    });

    it('the CSV size limit comes first: a file over it is refused from stat (csv-too-large), never counted', () => {
      const probe = createCsvProbe(dir, { workspaceRoot: dir, allowOutside: false, maxBytes: MiB });
      assert.deepEqual(probe.rowsBound?.('classes.csv'), { status: 'refused' });
      const v = validateSpec(CLASSES, { probe, maxMemoryMB: 1 });
      assert.deepEqual(v.diagnostics.map((d) => d.code), ['csv-too-large']);
    });

    it('names a small file’s size in KiB', () => {
      fs.writeFileSync(path.join(dir, 'small.csv'), `a,b,y\n${'1,2,0\n'.repeat(2000)}`);
      const v = validateSpec(TWO.replace('two.csv', 'small.csv'), { probe: countingProbe(dir), maxMemoryMB: 1 });
      assert.match(v.diagnostics[0]!.message, /small\.csv \(11\.7 KiB: at most 2,000 data rows\)/);
    });
  });
});

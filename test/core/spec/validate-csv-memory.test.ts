import assert from 'node:assert/strict';
import type { CsvProbeResult, DataProbe } from '../../../src/core/spec/data-probe';
import { validateSpec } from '../../../src/core/spec/validate';
import { csvRowsBound, estimateRunMemory } from '../../../src/core/train/memory-estimate';

const MiB = 1024 * 1024;
const SPEC = 'layers:\n  - units: 2\n  - units: 3\n  - units: 1\ndata:\n  csv: big.csv\n  target: y\n';
const SUMMARY: CsvProbeResult = {
  status: 'ok',
  summary: { rows: 4, columns: ['x1', 'x2', 'y'].map((name) => ({ name, numeric: true, distinct: ['0', '1'], distinctTruncated: false })) },
};

/** A probe that answers the file's size from "stat" and counts the reads it is asked for. */
function probeOf(bytes: number | undefined): DataProbe & { reads: number } {
  const probe = Object.assign(
    (): CsvProbeResult => {
      probe.reads++;
      return SUMMARY;
    },
    { reads: 0, bytes: () => bytes },
  );
  return probe;
}

describe('the memory of a CSV run, estimated before the file is read', () => {
  it('bounds the rows by the size: each used cell takes a character and a comma or a line break', () => {
    // x1,x2,y rows of one-character cells: "1,2,0\n" is 6 bytes = 2 · 3.
    assert.equal(csvRowsBound(6 * 1000, 3), 1000);
    assert.equal(csvRowsBound(6 * 1000 + 5, 3), 1000);
    assert.equal(csvRowsBound(0, 3), 0);
  });

  it('refuses from the size alone: too-much-memory on `layers`, and the file is never read', () => {
    const probe = probeOf(2 ** 40);
    const v = validateSpec(SPEC, { probe, maxMemoryMB: 64 });
    assert.deepEqual(
      v.diagnostics.map((d) => [d.code, SPEC.slice(d.range[0], d.range[1])]),
      [['too-much-memory', 'layers']],
    );
    assert.equal(probe.reads, 0, 'refused from the stat: the probe never read the file');
    // The estimate with the bounded rows, over 64 MiB; and the message says what it rests on.
    const rows = csvRowsBound(2 ** 40, 3);
    assert.ok(estimateRunMemory({ sizes: [2, 3, 1], examples: rows, optimizer: 'lbfgs', source: 'csv' }).bytes > 64 * MiB);
    const message = v.diagnostics[0]!.message;
    assert.match(message, /up to/);
    assert.match(message, /big\.csv \(1024 GiB: at most 183,251,937,962 rows of 3 cells\) before reading it/);
    assert.match(message, /64 MiB/);
    assert.match(message, /nnspec\.limits\.maxMemoryMB \(CLI: --max-memory-mb\)/);
  });

  it('a file whose bound fits is read, and the rows it holds are checked as before', () => {
    const probe = probeOf(1000);
    assert.equal(validateSpec(SPEC, { probe, maxMemoryMB: 64 }).hasErrors, false);
    assert.equal(probe.reads, 1);
    // Without a size (a probe that cannot stat, the editor's), nothing is refused before reading.
    const unsized = probeOf(undefined);
    assert.equal(validateSpec(SPEC, { probe: unsized, maxMemoryMB: 64 }).hasErrors, false);
    assert.equal(unsized.reads, 1);
  });
});

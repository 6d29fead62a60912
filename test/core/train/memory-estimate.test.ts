import assert from 'node:assert/strict';
import { CHUNK } from '../../../src/core/nn/evaluator';
import { LBFGS_HISTORY } from '../../../src/core/nn/optimizers/lbfgs';
import { validateSpec } from '../../../src/core/spec/validate';
import {
  checkRunMemory,
  CSV_READ_BUFFERS,
  DEFAULT_MAX_MEMORY_MB,
  estimateRunMemory,
  EVALUATOR_CHUNK,
  formatMB,
  OPTIMIZER_VECTORS,
  type RunShape,
} from '../../../src/core/train/memory-estimate';

const MiB = 1024 * 1024;
const part = (shape: RunShape, name: string): number => estimateRunMemory(shape).parts.find((p) => p.name === name)!.bytes;

describe('memory estimate of a training run', () => {
  it('uses the evaluator chunk and the L-BFGS history the code uses', () => {
    assert.equal(EVALUATOR_CHUNK, CHUNK);
    assert.ok(OPTIMIZER_VECTORS.lbfgs >= 2 * LBFGS_HISTORY);
    assert.ok(OPTIMIZER_VECTORS.adam >= 2 && OPTIMIZER_VECTORS.momentum >= 1);
  });

  it('parameters: (4 + the optimiser state) vectors of P doubles, P counted by hand', () => {
    // 400-25-10: P = 25·401 + 10·26 = 10,285.
    const base = { sizes: [400, 25, 10], examples: 5000, source: 'rows' } as const;
    assert.equal(estimateRunMemory({ ...base, optimizer: 'gd' }).parameters, 10_285);
    for (const optimizer of ['gd', 'momentum', 'adam', 'cg', 'lbfgs'] as const) {
      assert.equal(part({ ...base, optimizer }, 'parameters'), (4 + OPTIMIZER_VECTORS[optimizer]) * 10_285 * 8);
    }
    // lbfgs over adam: the 2·10 pairs less adam's two moments and mean gradient, and a bit of line search.
    assert.ok(part({ ...base, optimizer: 'lbfgs' }, 'parameters') - part({ ...base, optimizer: 'adam' }, 'parameters') >= 17 * 10_285 * 8);
  });

  it('data: the examples twice (table and split copies) and the predictions, 8 bytes a double', () => {
    const shape: RunShape = { sizes: [400, 25, 10], examples: 5000, optimizer: 'gd', source: 'rows' };
    assert.equal(part(shape, 'data'), (2 * 5000 * 410 + 5000 * 10) * 8 + 2 * 5000 * 4);
    assert.equal(part(shape, 'source'), 0);
    // A CSV is read as a stream: the reader's buffers and the target column, never its text.
    assert.equal(part({ ...shape, source: 'csv' }, 'source'), CSV_READ_BUFFERS + 20 * 5000);
  });

  it('grows with every input and stays finite (or Infinity) for absurd shapes, never NaN', () => {
    const small = estimateRunMemory({ sizes: [2, 3, 1], examples: 10, optimizer: 'lbfgs', source: 'generate' }).bytes;
    assert.ok(small > 0 && small < 1 * MiB);
    assert.ok(estimateRunMemory({ sizes: [2, 30, 1], examples: 10, optimizer: 'lbfgs', source: 'generate' }).bytes > small);
    assert.ok(estimateRunMemory({ sizes: [2, 3, 1], examples: 10_000, optimizer: 'lbfgs', source: 'generate' }).bytes > small);
    const absurd = estimateRunMemory({ sizes: [1e300, 1e300, 1], examples: 1e300, optimizer: 'lbfgs', source: 'csv' });
    assert.ok(!Number.isNaN(absurd.bytes));
    assert.ok(checkRunMemory(absurd) !== undefined);
    assert.match(formatMB(absurd.bytes), /more than/);
  });

  it('refuses over the limit with a message naming the estimate, the limit and the setting', () => {
    // 2000-2000-10 with L-BFGS: P ≈ 4.0M, 29 vectors ≈ 0.9 GiB.
    const shape: RunShape = { sizes: [2000, 2000, 10], examples: 1000, optimizer: 'lbfgs', source: 'rows' };
    const estimate = estimateRunMemory(shape);
    assert.equal(checkRunMemory(estimate, DEFAULT_MAX_MEMORY_MB), undefined);
    const refused = checkRunMemory(estimate, 256);
    assert.equal(refused?.code, 'memory-limit');
    assert.match(refused.message, /256 MiB/);
    assert.match(refused.message, /nnspec\.limits\.maxMemoryMB/);
    assert.match(refused.message, /parameters/);
  });

  it('the validator reports too-much-memory on `layers` before anything is allocated, with a configurable limit', () => {
    // 2-6000-6000-1: P ≈ 36M (under the 50M parameter limit), L-BFGS ≈ 8 GiB.
    const text = 'layers:\n  - units: 2\n  - units: 6000\n  - units: 6000\n  - units: 1\ndata:\n  generate: xor\n';
    const started = Date.now();
    const refused = validateSpec(text);
    assert.ok(Date.now() - started < 1000, 'no allocation: instant');
    assert.deepEqual(
      refused.diagnostics.map((d) => [d.code, text.slice(d.range[0], d.range[1])]),
      [['too-much-memory', 'layers']],
    );
    assert.equal(validateSpec(text, { maxMemoryMB: 16 * 1024 }).hasErrors, false);
    // gd keeps 5 vectors, not 29: 36M · 5 · 8 B ≈ 1.4 GiB, with the weights text and the two
    // piece buffers of 36M doubles (batch-pieces.ts) ≈ 4.3 GiB, fits 5 GiB where L-BFGS does not.
    assert.equal(validateSpec(`${text}train:\n  optimizer: gd\n`, { maxMemoryMB: 5 * 1024 }).hasErrors, false);
    assert.equal(validateSpec(text, { maxMemoryMB: 5 * 1024 }).hasErrors, true);
  });

  it('counts the examples: a million samples (about 60 MiB of data) are refused under 32 MiB, 200 are not', () => {
    const text = (samples: number): string => `layers:\n  - units: 2\n  - units: 1\ndata:\n  generate: xor\n  samples: ${samples}\n`;
    assert.equal(validateSpec(text(200), { maxMemoryMB: 32 }).hasErrors, false);
    assert.deepEqual(validateSpec(text(1_000_000), { maxMemoryMB: 32 }).diagnostics.map((d) => d.code), ['too-much-memory']);
  });
});

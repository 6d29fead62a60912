import assert from 'node:assert/strict';
import { gradientSums } from '../../../src/core/nn/backprop';
import {
  addGradientSums, batchPieces, maxPieces, MIN_PIECE_ROWS, PIECE_BUFFER_BUDGET, PIECES_PER_BATCH, sumInPieces,
} from '../../../src/core/nn/batch-pieces';
import { createGradientSums } from '../../../src/core/nn/gradient-sums';
import { TypeScriptKernelSet } from '../../../src/core/nn/kernels/typescript-kernel-set';
import { WasmKernelSet } from '../../../src/core/nn/kernels/wasm-kernel-set';
import type { KernelSet } from '../../../src/core/nn/kernels/kernel-set';
import { layerShapes } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';
import { ensureKernels } from '../../kernels/ensure-kernels';
import { randomCase } from '../../kernels/random-case';

describe('core/nn/batch-pieces: the fixed pieces of a batch', () => {
  it('covers [0, m) with pieces of at least MIN_PIECE_ROWS (but the last), about 16 of them, within the buffer budget', () => {
    for (const P of [1, 1885, 10_285, 600_000, 5_000_000, 50_000_000]) {
      for (const m of [1, 2, 63, 64, 65, 127, 128, 129, 1000, 1024, 1025, 1438, 100_000, 3_333_333]) {
        const { rows, count } = batchPieces(m, P);
        assert.ok(count >= 1 && (count - 1) * rows < m && count * rows >= m, `P ${P}, m ${m}: ${count} × ${rows}`);
        assert.ok(count === 1 || rows >= MIN_PIECE_ROWS, `P ${P}, m ${m}: pieces of ${rows}`);
        assert.ok(count <= Math.min(PIECES_PER_BATCH, maxPieces(P)), `P ${P}, m ${m}: ${count} pieces`);
        assert.ok(count <= 2 || count * P * 8 <= PIECE_BUFFER_BUDGET, `P ${P}, m ${m}: ${count} buffers of ${P} doubles`);
        // Sharing still has something to share whenever m allows two pieces of 64.
        if (m >= 2 * MIN_PIECE_ROWS) assert.ok(count >= 2, `P ${P}, m ${m}: one piece`);
      }
    }
    assert.deepEqual(batchPieces(1438, 1885), { rows: 90, count: 16 });
    assert.deepEqual(batchPieces(63, 1885), { rows: 64, count: 1 });
  });

  for (const path of ['typescript', 'wasm'] as const) {
    it(`sumInPieces equals the pieces summed apart by fresh kernels and added in order, bit for bit (${path}); setDeltaTarget moves Δ`, () => {
      const rng = createRng(path === 'wasm' ? 9 : 8);
      const factory = ensureKernels();
      for (let trial = 0; trial < 12; trial++) {
        const m = [65, 129, 300, 1029][trial % 4]!;
        const { arch, theta, batch, rowsBatch } = randomCase(rng, m);
        const shapes = layerShapes(arch.sizes), P = theta.length, L = arch.sizes.length, chunk = 1 + rng.nextInt(70);
        const make = (): KernelSet => (path === 'wasm' ? new WasmKernelSet(factory, arch, shapes, chunk) : new TypeScriptKernelSet(arch, shapes, chunk));
        const data = trial % 2 ? rowsBatch : batch, pieces = batchPieces(m, P);
        assert.ok(pieces.count >= 2);
        const out = createGradientSums(P, L), kernels = make();
        kernels.begin(theta, out.Delta);
        sumInPieces(kernels, data, pieces, createGradientSums(P, L), out, P);
        kernels.end();
        const want = createGradientSums(P, L);
        for (let p = 0; p < pieces.count; p++) {
          const s = createGradientSums(P, L), fresh = make();
          fresh.begin(theta, s.Delta);
          gradientSums(fresh, data, p * pieces.rows, Math.min(m, (p + 1) * pieces.rows), s);
          fresh.end();
          addGradientSums(want, s, P);
        }
        const what = `trial ${trial}: ${arch.sizes.join('-')}, m ${m}, chunk ${chunk}`;
        for (let k = 0; k < P; k++) assert.ok(Object.is(out.Delta[k], want.Delta[k]), `${what}: Δ[${k}] ${out.Delta[k]} vs ${want.Delta[k]}`);
        assert.ok(Object.is(out.costSum[0], want.costSum[0]), `${what}: Σ J_i`);
        for (let l = 0; l < L; l++) assert.ok(Object.is(out.absDeltaSum[l], want.absDeltaSum[l]), `${what}: Σ|δ| of layer ${l + 1}`);
      }
    });
  }
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import { run } from '../../src/cli/main';
import { exportedNetwork, type ExportedNetwork } from '../../src/export/exported-network';
import { openSpec } from '../../src/jobs/open-spec';
import { float32ErrorBound } from './float32-bound';
import { SPECS, trainedSpec, type SpecName, type TrainedSpec } from './trained-specs';

/** The exported network of a trained spec, as the exporter saw it (for the error bound). */
function networkOf(t: TrainedSpec): ExportedNetwork {
  const opened = openSpec(path.join(t.io.cwd, t.spec), { workspaceRoot: t.io.cwd, allowOutside: false });
  if (!opened.ok) throw new Error(opened.failure.message);
  return exportedNetwork(opened.value.architecture, Float64Array.from(t.file.layers.flatMap((l) => l.data)), t.file, opened.value.spec);
}

async function exportOnnx(t: TrainedSpec, out: string, extra: string[] = []): Promise<string> {
  const code = await run(['export', t.spec, '--weights', t.weights, '--onnx', out, ...extra], t.io);
  assert.equal(code, 0, t.io.err());
  return path.join(t.io.cwd, out);
}

/** Runs the model file on the spec's unscaled examples; its outputs, m × s_L. */
async function runModel(file: string, t: TrainedSpec, type: 'float32' | 'float64'): Promise<ArrayLike<number>> {
  const session = await ort.InferenceSession.create(readFileSync(file));
  assert.deepEqual([...session.inputNames], ['x']);
  assert.deepEqual([...session.outputNames], ['y']);
  const x = type === 'float32' ? Float32Array.from(t.X) : Float64Array.from(t.X);
  const { y } = await session.run({ x: new ort.Tensor(type, x, [t.m, t.n]) });
  assert.ok(y);
  assert.deepEqual(y.dims, [t.m, t.k]);
  assert.equal(y.type, type);
  return y.data as Float32Array | Float64Array;
}

describe('nnspec export --onnx, run by onnxruntime', function () {
  this.timeout(120_000);

  for (const name of Object.keys(SPECS) as SpecName[]) {
    // float64 keeps the trained doubles: only the order of the sums differs from nnspec's.
    it(`${name}: the float64 model reproduces NetworkEvaluator.predict to 1e-12 (relative and absolute)`, async () => {
      const t = await trainedSpec(name);
      const y = await runModel(await exportOnnx(t, `${name}-64.onnx`, ['--precision', 'float64']), t, 'float64');
      for (let i = 0; i < t.expected.length; i++) {
        const want = t.expected[i]!;
        assert.ok(Math.abs(y[i]! - want) <= 1e-12 + 1e-12 * Math.abs(want), `output ${i}: ${y[i]} vs ${want}`);
      }
    });

    // float32 rounds inputs, weights and every step: the honest tolerance is the forward error
    // bound of float32-bound.ts (at least 1e-6), which grows with the weights and the depth.
    it(`${name}: the float32 model agrees within float32's error bound`, async () => {
      const t = await trainedSpec(name);
      const y = await runModel(await exportOnnx(t, `${name}.onnx`), t, 'float32');
      const bound = float32ErrorBound(networkOf(t), t.X, t.m);
      for (let i = 0; i < t.expected.length; i++) {
        const want = t.expected[i]!;
        assert.ok(Math.abs(y[i]! - want) <= Math.max(1e-6, bound[i]!), `output ${i}: ${y[i]} vs ${want} (bound ${bound[i]})`);
      }
    });
  }
});

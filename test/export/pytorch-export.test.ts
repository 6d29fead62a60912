import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { predictedClass } from '../../src/core/train/accuracy';
import { SPECS, trainedSpec, type SpecName, type TrainedSpec } from './trained-specs';

/** Debian's interpreter, with python3-torch installed. */
const PYTHON = '/usr/bin/python3';

interface Prediction {
  output: number[];
  class?: string | number;
}

/** Exports the script and runs it with `input` on stdin; its predictions. */
async function predictWithScript(t: TrainedSpec, input: string): Promise<Prediction[]> {
  const code = await run(['export', t.spec, '--weights', t.weights, '--pytorch', 'net.py'], t.io);
  assert.equal(code, 0, t.io.err());
  const result = spawnSync(PYTHON, [path.join(t.io.cwd, 'net.py')], { input, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  return (JSON.parse(result.stdout) as { predictions: Prediction[] }).predictions;
}

/** The unscaled examples as rows of numbers (JSON doubles read back exactly by Python). */
const rowsOf = (t: TrainedSpec): number[][] => Array.from({ length: t.m }, (_, i) => Array.from(t.X.subarray(i * t.n, (i + 1) * t.n)));

function assertMatches(t: TrainedSpec, predictions: Prediction[]): void {
  assert.equal(predictions.length, t.m);
  predictions.forEach((p, i) => {
    assert.equal(p.output.length, t.k);
    p.output.forEach((got, k) => {
      const want = t.expected[i * t.k + k]!;
      // Both float64: only the order of the sums and the kernels' last bits differ.
      assert.ok(Math.abs(got - want) <= 1e-9 + 1e-9 * Math.abs(want), `example ${i}, output ${k}: ${got} vs ${want}`);
    });
  });
}

describe('nnspec export --pytorch, run by python3 with torch', function () {
  this.timeout(180_000);

  before(function () {
    const probe = existsSync(PYTHON) ? spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }) : undefined;
    if (probe?.status !== 0) {
      // Not a pass: say loudly what is missing (apt-get install python3-torch).
      if (process.env.CI) throw new Error(`${PYTHON} cannot import torch: CI must install python3-torch (npm run test:setup)`);
      process.stderr.write(`skipping the PyTorch export tests: ${PYTHON} cannot import torch\n`);
      this.skip();
    }
  });

  for (const name of Object.keys(SPECS) as SpecName[]) {
    it(`${name}: reproduces NetworkEvaluator.predict to 1e-9 on the training data (JSON on stdin)`, async () => {
      const t = await trainedSpec(name);
      const predictions = await predictWithScript(t, JSON.stringify(rowsOf(t)));
      assertMatches(t, predictions);
      if (t.task === 'classification') {
        predictions.forEach((p, i) => {
          const c = predictedClass(t.expected, i, t.k);
          assert.equal(p.class, t.file.classes?.[c] ?? c, `example ${i}`);
        });
      } else {
        assert.ok(predictions.every((p) => !('class' in p)));
      }
    });
  }

  it('reads CSV with a header line, and {"rows": …} JSON', async () => {
    const t = await trainedSpec('iris');
    const csv = ['a,b,c,d', ...rowsOf(t).map((row) => row.join(','))].join('\n');
    assertMatches(t, await predictWithScript(t, csv));
    assertMatches(t, await predictWithScript(t, JSON.stringify({ rows: rowsOf(t) })));
  });

  it('exits 1 with a message, not a traceback, for rows of the wrong width', async () => {
    const t = await trainedSpec('xor');
    await predictWithScript(t, '[[0, 0]]');
    const result = spawnSync(PYTHON, [path.join(t.io.cwd, 'net.py')], { input: '[[0, 0, 0]]', encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.doesNotMatch(result.stderr, /Traceback/);
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { NetworkEvaluator } from '../../../src/core/nn/evaluator';
import { parameterCount, type Architecture } from '../../../src/core/nn/network';
import { createRng } from '../../../src/core/nn/rng';

/** Debian's interpreter, which python3-torch installs into (NNSPEC_PYTHON overrides it). */
const PYTHON = process.env.NNSPEC_PYTHON ?? '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'helpers', 'torch-reference.py');

function torchMissing(): string | undefined {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (r.error) return `${PYTHON} is not available (${r.error.message})`;
  if (r.status !== 0) return `PyTorch is not importable by ${PYTHON} (install python3-torch)`;
  return undefined;
}

const NETWORKS: Architecture[] = [
  { sizes: [3, 5, 3], activations: ['sigmoid', 'sigmoid'], cost: 'cross-entropy', lambda: 3 },
  { sizes: [6, 8, 7, 4], activations: ['relu', 'tanh', 'softmax'], cost: 'cross-entropy', lambda: 0.5 },
  { sizes: [4, 5, 5, 5, 2], activations: ['tanh', 'sigmoid', 'relu', 'linear'], cost: 'squared-error', lambda: 1 },
  { sizes: [20, 9, 3], activations: ['sigmoid', 'sigmoid'], cost: 'squared-error', lambda: 0 },
];

describe('backpropagation against PyTorch autograd (float64)', function () {
  before(function () {
    const reason = torchMissing();
    if (reason) {
      if (process.env.CI) throw new Error(`${reason}: CI must install python3-torch (npm run test:setup)`);
      console.log(`      (skipped: ${reason})`);
      this.skip();
    }
  });

  it('J and every ∂J/∂θ agree to a relative 1e-9 on four networks, with m = 150 in chunks of 40', () => {
    const m = 150;
    const problems = NETWORKS.map((arch, k) => {
      const rng = createRng(500 + k);
      const n = arch.sizes[0]!, K = arch.sizes[arch.sizes.length - 1]!;
      const theta = new Float64Array(parameterCount(arch.sizes)).map(() => rng.next() - 0.5);
      const X = new Float64Array(m * n).map(() => 2 * rng.next() - 1);
      const Y = new Float64Array(m * K);
      for (let i = 0; i < m; i++) {
        if (arch.cost === 'squared-error') for (let c = 0; c < K; c++) Y[i * K + c] = rng.next();
        else if (arch.activations.at(-1) === 'softmax') Y[i * K + rng.nextInt(K)] = 1;
        else for (let c = 0; c < K; c++) Y[i * K + c] = rng.nextInt(2);
      }
      return { arch, theta, X, Y };
    });
    const input = JSON.stringify(problems.map(({ arch, theta, X, Y }) => ({
      sizes: arch.sizes, activations: arch.activations, cost: arch.cost, lambda: arch.lambda,
      theta: [...theta], X: [...X], Y: [...Y], m,
    })));
    const r = spawnSync(PYTHON, [SCRIPT], { input, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' }, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    const answers = JSON.parse(r.stdout) as { cost: number; gradient: number[] }[];
    problems.forEach(({ arch, theta, X, Y }, k) => {
      const grad = new Float64Array(theta.length);
      const J = new NetworkEvaluator(arch, 40).costAndGradient(theta, { X, Y, m }, grad);
      const ref = answers[k]!;
      const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-3);
      assert.ok(rel(J, ref.cost) < 1e-9, `network ${k}: J ${J} vs ${ref.cost}`);
      ref.gradient.forEach((g, i) => assert.ok(rel(grad[i]!, g) < 1e-9, `network ${k}, θ[${i}]: ${grad[i]} vs ${g}`));
    });
  });
});

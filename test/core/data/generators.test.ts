import assert from 'node:assert/strict';
import { generateData } from '../../../src/core/data/generators';
import { GENERATOR_SHAPES } from '../../../src/core/spec/generators';
import { PLANE_A, PLANE_B } from '../../../src/core/data/generators/regression';
import { GENERATORS, REGRESSION_GENERATORS, type GeneratorName } from '../../../src/core/spec/schema';

const CLASSIFIERS = GENERATORS.filter((g) => !REGRESSION_GENERATORS.includes(g));

describe('generateData', () => {
  for (const generate of GENERATORS) {
    it(`${generate}: same seed same data, other seed other data`, () => {
      const a = generateData({ generate, samples: 50, noise: 0.1, seed: 7 });
      const b = generateData({ generate, samples: 50, noise: 0.1, seed: 7 });
      const c = generateData({ generate, samples: 50, noise: 0.1, seed: 8 });
      assert.deepEqual(a.X, b.X);
      assert.deepEqual(a.targets, b.targets);
      assert.notDeepEqual(a.X, c.X);
    });

    it(`${generate}: has the shape GENERATOR_SHAPES declares`, () => {
      const t = generateData({ generate, samples: 37, noise: 0.05, seed: 1 });
      const shape = GENERATOR_SHAPES[generate];
      if (shape.classes !== undefined) {
        const labels = Array.from({ length: shape.classes }, (_, k) => k);
        assert.deepEqual([...new Set(t.targets)].sort((a, b) => Number(a) - Number(b)), labels);
      }
      assert.equal(t.m, 37);
      assert.equal(t.n, shape.features);
      assert.equal(t.X.length, 37 * shape.features);
      assert.equal(t.targets.length, 37);
      assert.deepEqual(t.featureNames, shape.features === 2 ? ['x1', 'x2'] : ['x1']);
      assert.ok(Array.from(t.X).every(Number.isFinite));
    });
  }

  for (const generate of CLASSIFIERS) {
    it(`${generate}: two balanced classes 0 and 1`, () => {
      const t = generateData({ generate, samples: 101, noise: 0.1, seed: 3 });
      const zeros = t.targets.filter((y) => y === 0).length;
      const ones = t.targets.filter((y) => y === 1).length;
      assert.equal(zeros + ones, 101);
      assert.equal(zeros, 51);
      assert.equal(ones, 50);
    });

    it(`${generate}: without noise, points lie in [-1, 1]^2 (gauss: within 6 spreads)`, () => {
      const t = generateData({ generate, samples: 400, noise: 0, seed: 5 });
      const bound = generate === 'gauss' ? 0.5 + 6 * 0.2 : 1;
      assert.ok(Array.from(t.X).every((x) => Math.abs(x) <= bound));
    });
  }

  it('xor: without noise, the class is whether the signs differ', () => {
    const t = generateData({ generate: 'xor', samples: 200, noise: 0, seed: 2 });
    for (let i = 0; i < t.m; i++) {
      const x1 = t.X[2 * i] ?? 0, x2 = t.X[2 * i + 1] ?? 0;
      assert.equal(t.targets[i], x1 * x2 < 0 ? 1 : 0);
      assert.ok(Math.abs(x1) >= 0.1 && Math.abs(x2) >= 0.1);
    }
  });

  it('circle: without noise, class 0 inside r = 0.5 and class 1 in 0.7 <= r <= 1', () => {
    const t = generateData({ generate: 'circle', samples: 300, noise: 0, seed: 4 });
    for (let i = 0; i < t.m; i++) {
      const r = Math.hypot(t.X[2 * i] ?? 0, t.X[2 * i + 1] ?? 0);
      if (t.targets[i] === 0) assert.ok(r <= 0.5 + 1e-12);
      else assert.ok(r >= 0.7 - 1e-12 && r <= 1 + 1e-12);
    }
  });

  it('gauss: the class means are near (-0.5, -0.5) and (0.5, 0.5)', () => {
    const t = generateData({ generate: 'gauss', samples: 4000, noise: 0, seed: 9 });
    const sums = [[0, 0, 0], [0, 0, 0]];
    for (let i = 0; i < t.m; i++) {
      const s = sums[t.targets[i] as number] ?? [];
      s[0] = (s[0] ?? 0) + (t.X[2 * i] ?? 0);
      s[1] = (s[1] ?? 0) + (t.X[2 * i + 1] ?? 0);
      s[2] = (s[2] ?? 0) + 1;
    }
    const [c0, c1] = sums.map(([x = 0, y = 0, k = 1]) => [x / k, y / k]);
    assert.ok(Math.abs((c0?.[0] ?? 0) + 0.5) < 0.02 && Math.abs((c0?.[1] ?? 0) + 0.5) < 0.02);
    assert.ok(Math.abs((c1?.[0] ?? 0) - 0.5) < 0.02 && Math.abs((c1?.[1] ?? 0) - 0.5) < 0.02);
  });

  it('spiral: without noise, the two arms are point reflections of each other', () => {
    const t = generateData({ generate: 'spiral', samples: 100, noise: 0, seed: 0 });
    for (let i = 0; i + 1 < t.m; i += 2) {
      assert.ok(Math.abs((t.X[2 * i] ?? 0) + (t.X[2 * i + 2] ?? 0)) < 1e-12);
      assert.ok(Math.abs((t.X[2 * i + 1] ?? 0) + (t.X[2 * i + 3] ?? 0)) < 1e-12);
    }
  });

  it('plane: without noise y = a x1 + b x2 exactly; with noise the residual std is the noise', () => {
    const exact = generateData({ generate: 'plane', samples: 50, noise: 0, seed: 1 });
    for (let i = 0; i < exact.m; i++) {
      assert.equal(exact.targets[i], PLANE_A * (exact.X[2 * i] ?? 0) + PLANE_B * (exact.X[2 * i + 1] ?? 0));
    }
    const noisy = generateData({ generate: 'plane', samples: 20000, noise: 0.3, seed: 1 });
    let sq = 0;
    for (let i = 0; i < noisy.m; i++) {
      const r = (noisy.targets[i] as number) - PLANE_A * (noisy.X[2 * i] ?? 0) - PLANE_B * (noisy.X[2 * i + 1] ?? 0);
      sq += r * r;
    }
    assert.ok(Math.abs(Math.sqrt(sq / noisy.m) - 0.3) < 0.01);
  });

  it('wave: x in [-pi, pi), without noise y = sin(x)', () => {
    const t = generateData({ generate: 'wave', samples: 200, noise: 0, seed: 6 });
    for (let i = 0; i < t.m; i++) {
      const x = t.X[i] ?? 0;
      assert.ok(x >= -Math.PI && x < Math.PI);
      assert.equal(t.targets[i], Math.sin(x));
    }
  });

  it('regression generators (and only they) have no classes', () => {
    for (const g of GENERATORS as readonly GeneratorName[]) {
      assert.equal(GENERATOR_SHAPES[g].classes === undefined, REGRESSION_GENERATORS.includes(g));
      assert.equal(GENERATOR_SHAPES[g].task === 'regression', REGRESSION_GENERATORS.includes(g));
    }
  });
});

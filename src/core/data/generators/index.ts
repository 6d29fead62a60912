/**
 * The seeded data generators named by `data.generate`, keyed by those names. Each draws
 * from `createRng(seed)` (core/nn/rng.ts), so the same seed, sample count and noise give the
 * same data on every machine. See classification.ts and regression.ts for each formula.
 */
import { createRng } from '../../nn/rng';
import { GENERATOR_SHAPES } from '../../spec/generators';
import type { GeneratorName } from '../../spec/schema';
import { defaultFeatureNames, type DataTable } from '../table';
import { circle, gauss, spiral, xor, type PointGenerator } from './classification';
import { plane, wave, type RegressionGenerator } from './regression';

/** Every generator, by the name users write; a name added to the schema must be added here. */
const REGISTRY: Readonly<Record<GeneratorName, { readonly points: PointGenerator } | { readonly regression: RegressionGenerator }>> = {
  xor: { points: xor },
  circle: { points: circle },
  gauss: { points: gauss },
  spiral: { points: spiral },
  plane: { regression: plane },
  wave: { regression: wave },
};

/** What a generator needs: which one, how many examples, how much noise, which seed. */
export interface GenerateOptions {
  readonly generate: GeneratorName;
  readonly samples: number;
  readonly noise: number;
  readonly seed: number;
}

/**
 * Generates a table of `samples` examples, of the shape GENERATOR_SHAPES (core/spec)
 * declares: classification targets are the numbers 0 and 1, regression targets are reals.
 * The noise draws follow each example's own draws.
 */
export function generateData(options: GenerateOptions): DataTable {
  const { generate, samples: m, noise, seed } = options;
  const rng = createRng(seed);
  const n = GENERATOR_SHAPES[generate].features;
  const X = new Float64Array(m * n);
  const targets: number[] = new Array<number>(m);
  const generator = REGISTRY[generate];
  for (let i = 0; i < m; i++) {
    if ('points' in generator) {
      const [x1, x2, label] = generator.points(i, m, rng);
      X[i * n] = x1 + noise * rng.nextGaussian();
      X[i * n + 1] = x2 + noise * rng.nextGaussian();
      targets[i] = label;
    } else {
      const { x, y } = generator.regression(rng);
      x.forEach((v, j) => (X[i * n + j] = v));
      targets[i] = y + noise * rng.nextGaussian();
    }
  }
  return { m, n, X, targets, featureNames: defaultFeatureNames(n) };
}

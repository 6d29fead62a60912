/**
 * The `.nnspec` format, declared once. This schema is the single source of the spec's
 * TypeScript types, of the validation (see validate.ts), and of the documentation that
 * hovers, completions, docs/format.md and the JSON Schema show.
 *
 * Every field carries `.meta({ description })`; defaults are declared with `.default()`
 * so that the parsed spec is complete.
 */
import { z } from 'zod';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear', 'softmax'] as const;
export const TASKS = ['classification', 'regression'] as const;
export const COSTS = ['cross-entropy', 'squared-error'] as const;
export const INIT_STRATEGIES = ['zeros', 'uniform', 'xavier', 'he', 'debug'] as const;
export const OPTIMIZERS = ['gd', 'momentum', 'adam', 'cg', 'lbfgs'] as const;
export const NORMALIZATIONS = ['none', 'standard', 'minmax'] as const;
export const GENERATORS = ['xor', 'circle', 'gauss', 'spiral', 'plane', 'wave'] as const;

export type ActivationName = (typeof ACTIVATIONS)[number];
export type TaskName = (typeof TASKS)[number];
export type CostName = (typeof COSTS)[number];
export type InitStrategyName = (typeof INIT_STRATEGIES)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type NormalizationName = (typeof NORMALIZATIONS)[number];
export type GeneratorName = (typeof GENERATORS)[number];

/** Generators whose targets are real numbers (regression); the rest are classification. */
export const REGRESSION_GENERATORS: readonly GeneratorName[] = ['plane', 'wave'];

/** The default limit on a network's parameter count (configurable by the caller). */
export const DEFAULT_MAX_PARAMETERS = 50_000_000;

const seed = z
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'A whole number ≥ 0 that fixes the random stream: the same seed gives the same result on every machine.' });

export const layerSchema = z
  .strictObject({
    units: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'Number of units s_l in this layer, bias unit not counted.' }),
    activation: z
      .enum(ACTIVATIONS)
      .optional()
      .meta({
        description:
          'Activation g of this layer. Hidden and output layers need one (default sigmoid); the input layer has none. softmax is for the output layer only.',
      }),
  })
  .meta({ description: 'One layer. The first entry is the input layer (no activation), the last the output layer.' });

const splitFields = {
  normalize: z
    .enum(NORMALIZATIONS)
    .default('none')
    .meta({ description: 'Feature scaling, fitted on the training part only and saved with the weights: none, standard (zero mean, unit variance) or minmax (to [0, 1]).' }),
  validation: z
    .number()
    .min(0)
    .lt(1)
    .default(0)
    .meta({ description: 'Fraction of the examples held out for validation, in [0, 1); split with `seed`.' }),
  seed: seed.default(0).meta({ description: 'Seed of the train/validation split (and of the generator, for generated data).' }),
};

const cell = z.union([z.number(), z.string()]);

export const inlineDataSchema = z
  .strictObject({
    rows: z
      .array(z.array(cell).min(1))
      .min(1)
      .meta({ description: 'Inline examples, one list per example: the features, then the target (last).' }),
    ...splitFields,
  })
  .meta({ description: 'Inline data: each row is the features followed by the target.' });

export const csvDataSchema = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .meta({ description: 'Path of a CSV file with a header row, relative to the spec file. It must lie inside the workspace unless the user allows otherwise.' }),
    target: z
      .string()
      .min(1)
      .meta({ description: 'The column to predict: numbers, or strings where each distinct value is a class (one-hot).' }),
    features: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: 'The input columns, in order. Default: every column but the target.' }),
    ...splitFields,
  })
  .meta({ description: 'Data from a CSV file beside the spec.' });

export const generatedDataSchema = z
  .strictObject({
    generate: z
      .enum(GENERATORS)
      .meta({ description: 'A seeded synthetic data set: xor, circle, gauss, spiral (2 features, 2 classes) or plane, wave (regression).' }),
    samples: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(200)
      .meta({ description: 'Number of examples to generate.' }),
    noise: z
      .number()
      .min(0)
      .default(0.1)
      .meta({ description: 'Standard deviation of the noise added to each point (or target).' }),
    ...splitFields,
  })
  .meta({ description: 'Generated data.' });

export const dataSchema = z
  .union([inlineDataSchema, csvDataSchema, generatedDataSchema])
  .meta({ description: 'The data set, from exactly one source: `rows` (inline), `csv` (a file) or `generate` (a generator).' });

export const initSchema = z
  .strictObject({
    strategy: z
      .enum(INIT_STRATEGIES)
      .default('uniform')
      .meta({
        description:
          'How the weights start: zeros (symmetry never breaks), uniform in ±epsilon, xavier, he, or debug (deterministic sin-based weights for gradient checks).',
      }),
    epsilon: z
      .number()
      .gt(0)
      .optional()
      .meta({ description: 'uniform only: the half-width ε of [−ε, ε]. Default √6/√(s_l + s_(l+1)) per layer.' }),
    seed: seed.default(0),
  })
  .meta({ description: 'Initialisation of Θ.' });

export const trainSchema = z
  .strictObject({
    optimizer: z
      .enum(OPTIMIZERS)
      .default('lbfgs')
      .meta({ description: 'gd (full-batch gradient descent), momentum, adam (mini-batches), cg (conjugate gradient, as fmincg) or lbfgs (as fminunc).' }),
    iterations: z
      .number()
      .int()
      .min(1)
      .default(100)
      .meta({ description: 'Maximum number of iterations (epochs for mini-batch optimisers).' }),
    learningRate: z
      .number()
      .gt(0)
      .optional()
      .meta({ description: 'Step size α for gd, momentum and adam (default 0.5 for gd and momentum, 0.01 for adam). Unused by cg and lbfgs.' }),
    batchSize: z
      .union([z.literal('all'), z.number().int().min(1)])
      .default('all')
      .meta({ description: 'gd, momentum, adam: examples per step, or `all` for the full batch.' }),
    momentum: z
      .number()
      .min(0)
      .lt(1)
      .default(0.9)
      .meta({ description: 'momentum only: the fraction β of the previous step kept.' }),
    tolerance: z
      .number()
      .min(0)
      .default(1e-9)
      .meta({ description: 'Stop early when the cost improves by less than this between iterations (relative), or the gradient norm falls below it.' }),
    seed: seed.default(0).meta({ description: 'Seed of the mini-batch shuffling.' }),
  })
  .meta({ description: 'The optimiser and how long it runs.' });

export const gradientCheckSchema = z
  .strictObject({
    epsilon: z
      .number()
      .gt(0)
      .default(1e-4)
      .meta({ description: 'The step ε of the central differences (J(θ+ε) − J(θ−ε)) / 2ε.' }),
    tolerance: z
      .number()
      .gt(0)
      .default(1e-7)
      .meta({ description: 'A layer fails when its relative difference ‖num − bp‖ / ‖num + bp‖ exceeds this.' }),
    examples: z
      .number()
      .int()
      .min(1)
      .default(4)
      .meta({ description: 'How many training examples (the first ones) the check uses.' }),
    samplesPerLayer: z
      .number()
      .int()
      .min(1)
      .default(200)
      .meta({ description: 'For networks over 5,000 parameters: how many parameters per layer are checked (a seeded sample).' }),
    seed: seed.default(0).meta({ description: 'Seed of the parameter sample.' }),
  })
  .meta({ description: 'Settings of "Check gradients".' });

export const specSchema = z
  .strictObject({
    name: z.string().optional().meta({ description: 'A name for the network, shown in summaries.' }),
    task: z
      .enum(TASKS)
      .default('classification')
      .meta({ description: 'classification (one-hot classes) or regression (real-valued targets).' }),
    layers: z
      .array(layerSchema)
      .min(2)
      .meta({ description: 'The layers s_1 … s_L, input first, output last; bias units are not counted.' }),
    cost: z
      .enum(COSTS)
      .optional()
      .meta({ description: 'The cost J: cross-entropy (default for classification) or squared-error (½‖h − y‖² averaged over m; default for regression).' }),
    lambda: z
      .number()
      .min(0)
      .default(0)
      .meta({ description: 'L2 regularisation strength λ: J += λ/(2m) · ΣΘ² over every non-bias weight.' }),
    init: initSchema.prefault({}),
    train: trainSchema.prefault({}),
    data: dataSchema,
    gradientCheck: gradientCheckSchema.prefault({}),
  })
  .meta({ description: 'A neural network, its data, and how to train and check it.' });

/** A spec as written, before defaults (the input of the schema). */
export type SpecInput = z.input<typeof specSchema>;
/** A complete spec, defaults filled in. */
export type Spec = z.output<typeof specSchema>;
export type LayerSpec = z.output<typeof layerSchema>;
export type DataSpec = z.output<typeof dataSchema>;
export type InlineDataSpec = z.output<typeof inlineDataSchema>;
export type CsvDataSpec = z.output<typeof csvDataSchema>;
export type GeneratedDataSpec = z.output<typeof generatedDataSchema>;
export type InitSpec = z.output<typeof initSchema>;
export type TrainSpec = z.output<typeof trainSchema>;
export type GradientCheckSpec = z.output<typeof gradientCheckSchema>;

/** The cost a spec uses: its own, or the task's default. */
export function effectiveCost(spec: Pick<Spec, 'cost' | 'task'>): CostName {
  return spec.cost ?? (spec.task === 'regression' ? 'squared-error' : 'cross-entropy');
}

/** The activation g of a hidden or output layer that names none. */
export const DEFAULT_ACTIVATION: ActivationName = 'sigmoid';

/** The activation of layer l (0-based) of a spec: none for the input layer, sigmoid by default. */
export function effectiveActivation(spec: Pick<Spec, 'layers'>, l: number): ActivationName | undefined {
  if (l === 0) return undefined;
  return spec.layers[l]?.activation ?? DEFAULT_ACTIVATION;
}

/** The learning rate an optimiser uses when the spec gives none. */
export function effectiveLearningRate(train: Pick<TrainSpec, 'optimizer' | 'learningRate'>): number {
  return train.learningRate ?? (train.optimizer === 'adam' ? 0.01 : 0.5);
}

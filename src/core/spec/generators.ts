/**
 * The shape of each generated data set, declared once: the validator checks the
 * architecture against it, and the generators (src/data) must produce exactly this.
 */
import type { GeneratorName, TaskName } from './schema';

export interface GeneratorShape {
  /** Number of features n (the input layer's units). */
  readonly features: number;
  readonly task: TaskName;
  /**
   * classification: the number of classes K; the labels are the numbers 0 … K−1.
   * regression: undefined (one real-valued target).
   */
  readonly classes?: number;
}

export const GENERATOR_SHAPES: Readonly<Record<GeneratorName, GeneratorShape>> = {
  xor: { features: 2, task: 'classification', classes: 2 },
  circle: { features: 2, task: 'classification', classes: 2 },
  gauss: { features: 2, task: 'classification', classes: 2 },
  spiral: { features: 2, task: 'classification', classes: 2 },
  plane: { features: 2, task: 'regression' },
  wave: { features: 1, task: 'regression' },
};

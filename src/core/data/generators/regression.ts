/**
 * The seeded regression generators: a real target with Gaussian noise of standard
 * deviation `noise` added to it (the features are exact).
 */
import type { Rng } from '../../nn/rng';

/** Draws example i: its features and its noiseless target. */
export interface RegressionExample {
  readonly x: readonly number[];
  readonly y: number;
}
export type RegressionGenerator = (rng: Rng) => RegressionExample;

/** The coefficients of plane: y = PLANE_A · x1 + PLANE_B · x2. */
export const PLANE_A = 1.5;
export const PLANE_B = -0.5;

/** plane: x1, x2 uniform in [−1, 1), y = PLANE_A · x1 + PLANE_B · x2. */
export const plane: RegressionGenerator = (rng) => {
  const x1 = 2 * rng.next() - 1;
  const x2 = 2 * rng.next() - 1;
  return { x: [x1, x2], y: PLANE_A * x1 + PLANE_B * x2 };
};

/** wave: one feature x uniform in [−π, π), y = sin(x). */
export const wave: RegressionGenerator = (rng) => {
  const x = Math.PI * (2 * rng.next() - 1);
  return { x: [x], y: Math.sin(x) };
};

/**
 * The step rules of gd, momentum and adam (see first-order.ts for the loop around them). α is
 * read from its cell at each step, so that a debugger's Set Value applies from the next one.
 */
import type { StepRule } from './first-order';
import type { LearningRateCell } from './objective';

/** Gradient descent: θ_new = θ − α∇J. */
export function gradientStep(rate: LearningRateCell): StepRule {
  return {
    step(thetaNew, theta, g) {
      const alpha = rate.value;
      for (let i = 0; i < theta.length; i++) thetaNew[i] = theta[i]! - alpha * g[i]!;
    },
  };
}

/** Momentum (heavy ball): v ← βv − α∇J, θ_new = θ + v; v starts at 0. */
export function momentumStep(n: number, rate: LearningRateCell, beta: number): StepRule {
  const v = new Float64Array(n);
  return {
    step(thetaNew, theta, g) {
      const alpha = rate.value;
      for (let i = 0; i < n; i++) {
        const vi = beta * v[i]! - alpha * g[i]!;
        v[i] = vi;
        thetaNew[i] = theta[i]! + vi;
      }
    },
  };
}

/** Adam's constants (Kingma & Ba): decay of the first and second moments, and ε. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/**
 * Adam: m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², with bias corrections
 * m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t); θ_new = θ − α·m̂ / (√v̂ + ε). m and v start at 0.
 */
export function adamStep(n: number, rate: LearningRateCell): StepRule {
  const { beta1, beta2, epsilon } = ADAM;
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  return {
    step(thetaNew, theta, g, t) {
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t, alpha = rate.value;
      for (let i = 0; i < n; i++) {
        const gi = g[i]!;
        const mi = beta1 * m[i]! + (1 - beta1) * gi;
        const vi = beta2 * v[i]! + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        thetaNew[i] = theta[i]! - (alpha * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
      }
    },
  };
}

import type { Architecture } from '../nn/network';
import { layerShapes, type LayerShape } from '../nn/network';
import { initializeTheta } from '../nn/init';
import { createRng } from '../nn/rng';
import { effectiveActivation, effectiveCost, type Spec } from '../spec/schema';

/** The network a valid spec describes: its sizes, activations (sigmoid by default), cost and λ. */
export function architectureOf(spec: Spec): Architecture {
  return {
    sizes: spec.layers.map((layer) => layer.units),
    activations: spec.layers.slice(1).map((_, l) => effectiveActivation(spec, l + 1) ?? 'sigmoid'),
    cost: effectiveCost(spec),
    lambda: spec.lambda,
  };
}

/**
 * The starting θ of a spec: its `init` strategy, seeded by `init.seed` (or the overrides),
 * so the same spec gives the same weights on every machine.
 */
export function initialTheta(
  spec: Spec,
  overrides: { strategy?: Spec['init']['strategy']; seed?: number; epsilon?: number } = {},
): { theta: Float64Array; shapes: LayerShape[] } {
  const shapes = layerShapes(spec.layers.map((layer) => layer.units));
  const theta = new Float64Array(shapes.reduce((n, s) => n + s.size, 0));
  const strategy = overrides.strategy ?? spec.init.strategy;
  const epsilon = overrides.epsilon ?? (strategy === spec.init.strategy ? spec.init.epsilon : undefined);
  initializeTheta(theta, shapes, strategy, createRng(overrides.seed ?? spec.init.seed), epsilon === undefined ? {} : { epsilon });
  return { theta, shapes };
}

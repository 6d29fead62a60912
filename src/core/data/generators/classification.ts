/**
 * The seeded classification generators: 2 features (x1, x2), 2 classes (0 and 1), in the
 * square [−1, 1]² before noise. Class sizes are exactly balanced: example i belongs to
 * class i mod 2 (xor cycles its four quadrants, i mod 4), so with an odd count class 0 has
 * one more. `noise` is the standard deviation of Gaussian noise added to each coordinate
 * after the label is fixed, so large noise blurs the boundary rather than moving it.
 */
import type { Rng } from '../../nn/rng';

/** Draws example i of `samples` as (x1, x2, class); the index sets the class, the stream the position. */
export type PointGenerator = (i: number, samples: number, rng: Rng) => readonly [x1: number, x2: number, label: number];

/** A uniform double in [a, b). */
function uniform(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

/**
 * xor: the quadrant of example i is i mod 4 (++, −+, −−, +−); |x1| and |x2| are uniform in
 * [0.1, 1] (a margin keeps noiseless classes apart). Class 1 when the signs differ (x1·x2 < 0),
 * the exclusive or of x1 > 0 and x2 > 0.
 */
export const xor: PointGenerator = (i, _samples, rng) => {
  const q = i % 4;
  const s1 = q === 0 || q === 3 ? 1 : -1;
  const s2 = q === 0 || q === 1 ? 1 : -1;
  return [s1 * uniform(rng, 0.1, 1), s2 * uniform(rng, 0.1, 1), s1 * s2 < 0 ? 1 : 0];
};

/**
 * circle: class 0 lies inside the circle of radius 0.5 (uniform over its area), class 1 in
 * the ring 0.7 ≤ r ≤ 1 (uniform over its area), at a uniform angle.
 */
export const circle: PointGenerator = (i, _samples, rng) => {
  const label = i % 2;
  const r = label === 0 ? 0.5 * Math.sqrt(rng.next()) : Math.sqrt(0.49 + 0.51 * rng.next());
  const angle = uniform(rng, 0, 2 * Math.PI);
  return [r * Math.cos(angle), r * Math.sin(angle), label];
};

/** Standard deviation of each gauss blob before noise. */
export const GAUSS_SPREAD = 0.2;

/** gauss: two round Gaussian blobs of standard deviation GAUSS_SPREAD, class 0 centred at (−0.5, −0.5), class 1 at (0.5, 0.5). */
export const gauss: PointGenerator = (i, _samples, rng) => {
  const label = i % 2;
  const c = label === 0 ? -0.5 : 0.5;
  return [c + GAUSS_SPREAD * rng.nextGaussian(), c + GAUSS_SPREAD * rng.nextGaussian(), label];
};

/**
 * spiral: two interleaved arms of 1.75 turns. Example i is point j = ⌊i/2⌋ of arm i mod 2,
 * at radius r = j / ⌈samples/2⌉ and angle 1.75 · 2π · r, the second arm turned by π.
 * Positions are evenly spaced; only the noise is random.
 */
export const spiral: PointGenerator = (i, samples, _rng) => {
  const label = i % 2;
  const perArm = Math.ceil(samples / 2);
  const r = Math.floor(i / 2) / perArm;
  const angle = 1.75 * 2 * Math.PI * r + label * Math.PI;
  return [r * Math.sin(angle), r * Math.cos(angle), label];
};

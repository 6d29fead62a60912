/**
 * The symmetry detector. Hidden units j and k of layer l + 1 whose incoming weight rows
 * Θ^(l)_j· and Θ^(l)_k· (bias included) are equal compute the same activation on every input;
 * if their outgoing weights are also equal they receive the same gradient and stay identical
 * under training (the lecture's reason for random initialisation).
 */
import { layerShapes } from './network';

/** Groups of interchangeable hidden units of one layer. */
export interface SymmetricLayer {
  /** The layer of the units, 1-based (2 … L − 1); their incoming weights are Θ^(layer − 1). */
  readonly layer: number;
  /** Each group: ≥ 2 unit numbers (1-based) whose incoming rows agree within the tolerance. */
  readonly groups: number[][];
}

/**
 * For every hidden layer, the groups of units whose incoming rows agree entry by entry within
 * `tolerance` (max |Θ_jc − Θ_kc| ≤ tolerance, compared with the group's first unit). Layers
 * without such a group are left out; an empty result means no symmetry.
 */
export function findSymmetricUnits(theta: Float64Array, sizes: readonly number[], tolerance = 1e-10): SymmetricLayer[] {
  const result: SymmetricLayer[] = [];
  const shapes = layerShapes(sizes);
  for (let l = 0; l + 1 < shapes.length; l++) {
    const { rows, cols, offset } = shapes[l]!;
    const groups: number[][] = [];
    const representative: number[] = [];
    for (let j = 0; j < rows; j++) {
      let placed = false;
      for (let g = 0; g < groups.length && !placed; g++) {
        const k = representative[g]!;
        let same = true;
        for (let c = 0; c < cols && same; c++) {
          same = Math.abs(theta[offset + j * cols + c]! - theta[offset + k * cols + c]!) <= tolerance;
        }
        if (same) {
          groups[g]!.push(j + 1);
          placed = true;
        }
      }
      if (!placed) {
        groups.push([j + 1]);
        representative.push(j);
      }
    }
    const symmetric = groups.filter((g) => g.length > 1);
    if (symmetric.length > 0) result.push({ layer: l + 2, groups: symmetric });
  }
  return result;
}

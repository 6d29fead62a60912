/**
 * The one conversion between the lecture's layer numbers and array indices, used from the
 * kernels to the inspector's labels (network.ts has the glossary). Layer l = 1 … L, and Θ^(l)
 * for l = 1 … L − 1, sit at index l − 1 of every array keyed by layer. It imports nothing, so
 * the webview may bundle it.
 */

/** The array index of layer l (1 … L), or of Θ^(l) (1 … L − 1): l − 1. */
export function layerIndex(l: number): number {
  return l - 1;
}

/** The layer number l at an array index (the inverse of layerIndex). */
export function layerAt(index: number): number {
  return index + 1;
}

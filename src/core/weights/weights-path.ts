/**
 * The default weights file of a spec: `xor.nnspec` keeps its weights in `xor.weights.json`
 * beside it. Only the name changes, so this serves a file path and a URI's path alike.
 */
export function weightsPathFor(specPath: string): string {
  return `${specPath.replace(/\.nnspec$/i, '')}.weights.json`;
}

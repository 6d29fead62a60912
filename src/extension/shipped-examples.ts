/** The examples shipped in the extension, by file name: the walkthrough opens these. */
export const SHIPPED_EXAMPLES = [
  'xor.nnspec',
  'circle.nnspec',
  'spiral.nnspec',
  'iris.nnspec',
  'digits.nnspec',
  'regression.nnspec',
  'vanishing.nnspec',
  'vanishing-relu.nnspec',
  'diverging.nnspec',
  'zeros.nnspec',
] as const;

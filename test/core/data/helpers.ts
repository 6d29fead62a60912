import { specSchema, type Spec, type SpecInput } from '../../../src/core/spec/schema';

/** A parsed spec (defaults filled) for tests: layers and data as given. */
export function makeSpec(input: Partial<SpecInput> & Pick<SpecInput, 'layers' | 'data'>): Spec {
  return specSchema.parse(input);
}

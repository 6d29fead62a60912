import assert from 'node:assert/strict';
import { isYamlError, SPEC_CODES } from '../../../src/core/spec/codes';

describe('spec codes', () => {
  it('counts as a YAML error exactly the yaml-* codes of severity error (the validator drops schema noise at their ranges)', () => {
    const yamlErrors = SPEC_CODES.filter((c) => isYamlError(c.code)).map((c) => c.code);
    const expected = SPEC_CODES.filter((c) => c.code.startsWith('yaml-') && c.severity === 'error').map((c) => c.code);
    assert.deepEqual(yamlErrors, expected);
    assert.deepEqual(expected, ['yaml-syntax', 'yaml-multiple-documents', 'yaml-too-deep', 'yaml-unknown-alias', 'yaml-recursive-alias', 'yaml-alias-expansion-limit']);
    assert.equal(isYamlError('yaml-warning'), false);
  });
});

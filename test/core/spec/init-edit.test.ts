import assert from 'node:assert/strict';
import { applyEdits, initEdits } from '../../../src/core/spec/init-edit';
import { validateSpec } from '../../../src/core/spec/validate';

const BASE = `# a spec with comments
layers:
  - units: 2
  - units: 2   # hidden
    activation: sigmoid
  - units: 1
data:
  rows: [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]
`;

describe('initEdits', () => {
  it('appends an init section when there is none, keeping everything else', () => {
    const out = applyEdits(BASE, initEdits(BASE, { strategy: 'he', seed: 3 }));
    assert.ok(out.startsWith(BASE));
    assert.equal(validateSpec(out).spec?.init.strategy, 'he');
    assert.equal(validateSpec(out).spec?.init.seed, 3);
  });

  it('replaces values in place and inserts missing keys with the block indentation', () => {
    const text = `${BASE}init:\n    strategy: zeros   # keep this comment\n`;
    const out = applyEdits(text, initEdits(text, { strategy: 'uniform', epsilon: 0.5, seed: 9 }));
    assert.match(out, /^ {4}strategy: uniform {3}# keep this comment$/m);
    assert.match(out, /^ {4}epsilon: 0\.5$/m);
    assert.match(out, /^ {4}seed: 9$/m);
    const spec = validateSpec(out).spec;
    assert.deepEqual(spec?.init, { strategy: 'uniform', epsilon: 0.5, seed: 9 });
  });

  it('removes epsilon when asked (null) and keeps other keys', () => {
    const text = `${BASE}init:\n  strategy: uniform\n  epsilon: 0.12\n  seed: 1\n`;
    const out = applyEdits(text, initEdits(text, { strategy: 'xavier', epsilon: null }));
    assert.equal(validateSpec(out).spec?.init.epsilon, undefined);
    assert.equal(validateSpec(out).spec?.init.strategy, 'xavier');
    assert.equal(validateSpec(out).spec?.init.seed, 1);
    assert.ok(!out.includes('epsilon'));
  });

  it('rewrites a flow-style init as a block', () => {
    const text = `${BASE}init: {strategy: zeros}\n`;
    const out = applyEdits(text, initEdits(text, { strategy: 'debug' }));
    assert.equal(validateSpec(out).spec?.init.strategy, 'debug');
  });
});

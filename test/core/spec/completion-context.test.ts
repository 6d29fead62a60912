import assert from 'node:assert/strict';
import { completionContextAt } from '../../../src/core/spec/completion-context';

/** The context at the `|` marker. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return completionContextAt(marked.replace('|', ''), offset);
}

describe('completionContextAt', () => {
  it('offers top-level keys on an empty top-level line, knowing which are present', () => {
    assert.deepEqual(at('name: x\n|\nlambda: 1\n'), { kind: 'key', path: [], present: ['name', 'lambda'], prefix: '' });
  });

  it('finds the enclosing mapping by indentation', () => {
    const c = at('layers:\n  - units: 2\ntrain:\n  optimizer: gd\n  it|\n');
    assert.deepEqual(c, { kind: 'key', path: ['train'], present: ['optimizer'], prefix: 'it' });
  });

  it('offers the value of the key on the line', () => {
    assert.deepEqual(at('train:\n  optimizer: lb|\n'), { kind: 'value', path: ['train', 'optimizer'], prefix: 'lb' });
    assert.deepEqual(at('task: |\n'), { kind: 'value', path: ['task'], prefix: '' });
  });

  it('goes through sequence items of layers', () => {
    const value = at('layers:\n  - units: 2\n  - units: 3\n    activation: |\n');
    assert.deepEqual(value, { kind: 'value', path: ['layers', 1, 'activation'], prefix: '' });
    const key = at('layers:\n  - units: 2\n    |\n');
    assert.equal(key?.kind, 'key');
    assert.deepEqual(key?.path, ['layers', 0]);
    assert.deepEqual(key?.kind === 'key' && key.present, ['units']);
  });

  it('says nothing inside a comment', () => {
    assert.equal(at('# train: |\n'), undefined);
  });
});

import assert from 'node:assert/strict';
import { didYouMean } from '../../../../src/core/debug/expression/suggest';
import { failure, smallNetwork } from './helpers';

const NAMES = ['J', 'm', 'lambda', 'iteration', 'x', 'y', 'h', 'a', 'z', 'delta', 'Delta', 'D', 'Theta', 'max', 'min', 'abs', 'sum', 'mean', 'norm', 'any', 'all', 'isnan', 'isfinite', 'size'];

describe('did you mean', () => {
  it('suggests the nearest name when it is close', () => {
    assert.equal(didYouMean('lamda', NAMES), 'lambda');
    assert.equal(didYouMean('lambdaa', NAMES), 'lambda');
    assert.equal(didYouMean('Thetaa', NAMES), 'Theta');
    assert.equal(didYouMean('detla', NAMES), 'delta');
    assert.equal(didYouMean('iteratoin', NAMES), 'iteration');
    assert.equal(didYouMean('nrm', NAMES), 'norm');
    assert.equal(didYouMean('isNaN', NAMES), 'isnan');
  });

  it('matches a different case first: theta → Theta, j → J', () => {
    assert.equal(didYouMean('theta', NAMES), 'Theta');
    assert.equal(didYouMean('j', NAMES), 'J');
    assert.equal(didYouMean('LAMBDA', NAMES), 'lambda');
  });

  it('says nothing when nothing is close', () => {
    assert.equal(didYouMean('q', NAMES), undefined);
    assert.equal(didYouMean('gradient', NAMES), undefined);
    assert.equal(didYouMean('learningRate', NAMES), undefined);
  });

  it('puts the suggestion in the error, from the scope names and the function names', () => {
    const net = smallNetwork(1);
    const e = failure('norm(D[1]) + lamda', net.scope, 'unknown-name', 13, 18);
    assert.equal(e.suggestion, 'lambda');
    assert.match(e.message, /did you mean 'lambda'\?$/);
    const f = failure('isnann(J)', net.scope, 'unknown-function', 0, 6);
    assert.equal(f.suggestion, 'isnan');
    const g = failure('frobnicate(J)', net.scope, 'unknown-function', 0, 10);
    assert.equal(g.suggestion, undefined);
    assert.match(g.message, /the functions are max, min/);
    assert.equal(failure('qq', net.scope, 'unknown-name').suggestion, undefined);
  });
});

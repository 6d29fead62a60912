import assert from 'node:assert/strict';
import { evaluate, evaluateExpression, evaluateNode } from '../../../../src/core/debug/expression/evaluator';
import { parseExpression } from '../../../../src/core/debug/expression/parser';
import { num, rows, smallNetwork } from './helpers';

const close = (actual: number[], expected: number[], tol = 1e-12): void => {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= tol * (1 + Math.abs(expected[i]!)), `entry ${i + 1}: ${v} vs ${expected[i]}`));
};

describe('expression evaluator: the lecture formulas on a small network', () => {
  for (const [seed, sizes] of [[1, [3, 4, 2]], [7, [2, 5, 3, 1]], [12, [4, 1, 3]]] as const) {
    it(`Theta[2]' * delta[3] .* a[2] .* (1 - a[2]) is δ^(2) below its bias row (sizes ${sizes.join('-')})`, () => {
      const net = smallNetwork(seed, sizes);
      const L = sizes.length;
      const result = rows("Theta[2]' * delta[3] .* a[2] .* (1 - a[2])", net.scope).map((r) => r[0]!);
      // s_2 + 1 rows: the first is the bias unit's, (Θ^(2)ᵀδ^(3))_1 · 1 · (1 − 1) = 0, which the lecture drops.
      assert.equal(result.length, sizes[1]! + 1);
      assert.ok(result[0] === 0, `bias row ${result[0]}`); // 0 or −0
      if (L === 3) close(result.slice(1), net.delta2);
      // The same with the bias row dropped, against the δ^(2) the scope holds.
      close(rows("(Theta[2]' * delta[3] .* a[2] .* (1 - a[2]))[2:end]", net.scope).map((r) => r[0]!), rows('delta[2]', net.scope).map((r) => r[0]!));
      // Θ^(2)ᵀδ^(3) keeps all s_2 + 1 rows.
      if (L === 3) close(rows("Theta[2]' * delta[3]", net.scope).map((r) => r[0]!), net.thetaTDelta3);
    });
  }

  it('a[1] is [1; x], Theta[l] * a[l] is z^(l+1), a[L] - y is δ^(L), delta[l+1] * a[l]\' is Δ^(l) for one example', () => {
    const net = smallNetwork(3);
    assert.deepEqual(rows('a[1]', net.scope).map((r) => r[0]), [1, ...rows('x', net.scope).map((r) => r[0])]);
    close(rows('Theta[1] * a[1] - z[2]', net.scope).flat(), [0, 0, 0, 0]);
    close(rows('a[end] - y - delta[end]', net.scope).flat(), [0, 0]);
    close(rows("delta[3] * a[2]' - Delta[2]", net.scope).flat(), new Array<number>(10).fill(0));
    assert.equal(num("sum(abs(delta[2] * a[1]' - D[1]))", net.scope), 0);
  });
});

describe('expression evaluator: API', () => {
  it('evaluates a parsed expression again and again (a condition parsed once)', () => {
    const net = smallNetwork(4);
    const parsed = parseExpression('norm(D[1]) + J');
    assert.ok(parsed.ok);
    const first = evaluate(parsed.value, net.scope), second = evaluate(parsed.value, net.scope);
    assert.ok(first.ok && second.ok);
    assert.deepEqual(first.value, second.value);
  });

  it('evaluateNode gives `end` a value (Set Value reads its indices with it)', () => {
    const parsed = parseExpression('end - 1');
    assert.ok(!parsed.ok, 'end outside brackets is a syntax error');
    const inBrackets = parseExpression('v[end - 1]');
    assert.ok(inBrackets.ok && inBrackets.value.root.kind === 'index');
    if (!inBrackets.ok || inBrackets.value.root.kind !== 'index') return;
    const arg = inBrackets.value.root.args[0]!;
    if (arg.kind === 'all' || arg.kind === 'range') assert.fail(arg.kind);
    const r = evaluateNode('v[end - 1]', arg, smallNetwork(1).scope, 7);
    assert.deepEqual(r, { ok: true, value: { kind: 'number', value: 6 } });
  });

  it('turns an exception of the scope into an internal error instead of throwing', () => {
    const broken = { lookup: () => { throw new Error('boom'); }, names: () => [] };
    const r = evaluateExpression('J + 1', broken);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'internal');
    assert.deepEqual([r.error.start, r.error.end], [0, 5]);
  });

  it('constants answer when the scope does not define them, and the scope wins when it does', () => {
    assert.equal(num('pi'), Math.PI);
    assert.equal(num('Inf'), Infinity);
    assert.ok(Number.isNaN(num('NaN')));
    assert.equal(num('pi', { lookup: (n) => (n === 'pi' ? { kind: 'number', value: 3 } : undefined), names: () => ['pi'] }), 3);
  });
});

import assert from 'node:assert/strict';
import { WorkBudget } from '../../../../src/core/debug/expression/budget';
import { ExpressionFault } from '../../../../src/core/debug/expression/errors';
import { evaluateExpression } from '../../../../src/core/debug/expression/evaluator';
import { MAX_DEPTH, MAX_ENTRIES, MAX_WORK } from '../../../../src/core/debug/expression/limits';
import { matrixValue } from '../../../../src/core/debug/expression/values';
import { failure, num, scope } from './helpers';

const big = scope({
  v: matrixValue(3000, 1, new Float64Array(3000).fill(1)),        // v * v' would be 9,000,000 entries
  M: matrixValue(1000, 1000, new Float64Array(1_000_000).fill(1)), // M * M is 10^9 multiply-adds
  w: matrixValue(1_000_000, 1, new Float64Array(1_000_000).fill(2)),
});

describe('expression limits', () => {
  it(`refuses a result of more than ${MAX_ENTRIES.toLocaleString('en-US')} entries before allocating it`, () => {
    const e = failure("v * v'", big, 'too-large', 2, 3);
    assert.match(e.message, /3000×3000/);
    failure("v .* v' ", big, 'shape-mismatch');
  });

  it(`refuses an evaluation of more than ${MAX_WORK.toLocaleString('en-US')} operations before doing it`, () => {
    failure('M * M', big, 'too-large', 2, 3);
  });

  it('counts the work of all operations together, within the limits the caller gives', () => {
    const small = scope({ u: matrixValue(1000, 1, new Float64Array(1000).fill(2)) });
    // Each + makes 1000 entries, sum reads 1000: 10 terms cost 10,000 operations.
    const chain = `sum(${Array(10).fill('u').join(' + ')})`;
    assert.equal(num(chain, small), 20_000);
    const within = evaluateExpression(chain, small, { maxWork: 10_000 });
    assert.ok(within.ok);
    const over = evaluateExpression(chain, small, { maxWork: 9_999 });
    assert.ok(!over.ok && over.error.code === 'too-large', JSON.stringify(over));
    const entries = evaluateExpression('u + 1', small, { maxEntries: 999 });
    assert.ok(!entries.ok && entries.error.code === 'too-large');
    // A caller cannot raise the limits past the defaults.
    const raised = evaluateExpression('M * M', big, { maxWork: 1e12 });
    assert.ok(!raised.ok && raised.error.code === 'too-large');
  });

  it("A' * b multiplies by Aᵀ without building it: fine where A' alone is too large", () => {
    const s = scope({ A: matrixValue(100, 50, new Float64Array(5000).fill(1)), b: matrixValue(100, 1, new Float64Array(100).fill(2)) });
    const product = evaluateExpression("A' * b", s, { maxEntries: 1000 });
    assert.ok(product.ok && product.value.kind === 'matrix' && product.value.rows === 50 && product.value.data.every((x) => x === 200), JSON.stringify(product));
    const alone = evaluateExpression("A'", s, { maxEntries: 1000 });
    assert.ok(!alone.ok && alone.error.code === 'too-large');
    assert.ok(evaluateExpression("b' * A", s, { maxEntries: 1000 }).ok);
  });

  it('each evaluation has its own budget', () => {
    const small = scope({ u: matrixValue(1000, 1, new Float64Array(1000).fill(2)) });
    const chain = `sum(${Array(6).fill('u').join(' + ')})`; // 6,000 operations
    for (let i = 0; i < 3; i++) assert.ok(evaluateExpression(chain, small, { maxWork: 10_000 }).ok);
  });

  it('an evaluation within the default limits works', () => {
    assert.equal(num("sum(w + w) + norm(v' * v)", big), 4_000_000 + 3000);
  });

  it('the budget refuses an allocation past its entry limit without spending', () => {
    const b = new WorkBudget(100, 10);
    assert.throws(() => b.allocate(4, 3, { start: 0, end: 1 }), (e: unknown) => e instanceof ExpressionFault && e.code === 'too-large');
    assert.equal(b.allocate(2, 5, { start: 0, end: 1 }).length, 10);
    assert.throws(() => b.spend(91, { start: 0, end: 1 }), (e: unknown) => e instanceof ExpressionFault && e.code === 'too-large');
  });

  it(`nesting deeper than ${MAX_DEPTH} is an error, never a stack overflow, whatever the kind`, () => {
    for (const text of ['('.repeat(999) + '1' + ')'.repeat(999), '-'.repeat(1999) + '1', Array(1000).fill('1').join('+'), 'abs(' .repeat(399) + '1' + ')'.repeat(399)]) {
      const r = evaluateExpression(text, big);
      assert.ok(!r.ok && r.error.code === 'too-deep', `${text.slice(0, 10)}: ${r.ok ? 'ok' : r.error.code}`);
    }
  });
});

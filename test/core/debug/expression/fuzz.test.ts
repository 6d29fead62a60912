import assert from 'node:assert/strict';
import { parseAssignmentTarget } from '../../../../src/core/debug/expression/assignment';
import { evaluateCondition } from '../../../../src/core/debug/expression/condition';
import { evaluateExpression } from '../../../../src/core/debug/expression/evaluator';
import { formatValue } from '../../../../src/core/debug/expression/format';
import { interpolate } from '../../../../src/core/debug/expression/log-message';
import { createRng } from '../../../../src/core/nn/rng';
import { smallNetwork } from './helpers';

// The language's alphabet, as whole tokens and as single characters, weighted towards valid shapes.
const TOKENS = ['J', 'm', 'lambda', 'iteration', 'x', 'y', 'h', 'a', 'z', 'delta', 'Delta', 'D', 'Theta', 'lamda', 'pi', 'NaN', 'Inf',
  'max', 'min', 'abs', 'sum', 'mean', 'norm', 'any', 'all', 'isnan', 'isfinite', 'size', 'and', 'or', 'not', 'end',
  '0', '1', '2', '3', '-1', '0.5', '1e308', '1e-320', '.5', '1.',
  '+', '-', '*', '/', '^', '%', '.*', './', '.^', "'", ".'", '<', '<=', '>', '>=', '==', '!=', '~=', '&&', '||',
  '(', ')', '[', ']', ',', ':', '=', ' ', '{', '}', '{{', '}}', '#', 'δ', '\n', '!', '&'];

const NAMES = TOKENS.slice(0, 17);
const FUNCTIONS = TOKENS.slice(17, 28);
const NUMBERS = ['0', '1', '2', '3', '0.5', '1e308', '-1', 'NaN'];
const BINARY = ['+', '-', '*', '/', '^', '%', '.*', './', '.^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];

describe('expression fuzz: random strings from the alphabet never throw', () => {
  const net = smallNetwork(9);
  const rng = createRng(20240601);
  const pick = (list: readonly string[]): string => list[rng.nextInt(list.length)]!;
  const pickToken = (): string => pick(TOKENS);
  /** A random expression from the grammar (often ill-typed, sometimes valid). */
  const generate = (depth: number): string => {
    const k = depth <= 0 ? rng.nextInt(2) : rng.nextInt(9);
    const sub = (): string => generate(depth - 1);
    const index = (): string => (rng.next() < 0.2 ? ':' : rng.next() < 0.2 ? `${sub()}:${sub()}` : rng.next() < 0.3 ? pick(['1', '2', 'end', 'end - 1']) : sub());
    switch (k) {
      case 0: return pick(NAMES);
      case 1: return pick(NUMBERS);
      case 2: return `${pick(['-', 'not ', '+'])}${sub()}`;
      case 3: case 4: return `${sub()} ${pick(BINARY)} ${sub()}`;
      case 5: return `(${sub()})`;
      case 6: return `${pick(FUNCTIONS)}(${rng.next() < 0.7 ? sub() : `${sub()}, ${sub()}`})`;
      case 7: return `${pick(NAMES)}[${pick(['1', '2', '3', 'end'])}]${rng.next() < 0.6 ? `[${index()}${rng.next() < 0.5 ? `, ${index()}` : ''}]` : ''}`;
      default: return `${sub()}'`;
    }
  };
  /** The text with a few random edits: a token inserted or a character deleted. */
  const mutate = (text: string): string => {
    let t = text;
    for (let e = rng.nextInt(3); e > 0; e--) {
      const at = rng.nextInt(t.length + 1);
      t = rng.next() < 0.5 ? t.slice(0, at) + pickToken() + t.slice(at) : t.slice(0, at) + t.slice(at + 1);
    }
    return t;
  };

  it('3,000 expressions from the grammar, half of them mutated, through every public function', () => {
    const codes = new Map<string, number>();
    for (let n = 0; n < 3000; n++) {
      const generated = generate(1 + rng.nextInt(4));
      const text = n % 2 === 0 ? generated : mutate(generated);
      const r = evaluateExpression(text, net.scope);
      if (r.ok) {
        assert.equal(typeof formatValue(r.value), 'string');
      } else {
        assert.notEqual(r.error.code, 'internal', `${JSON.stringify(text)}: ${r.error.message}`);
        assert.ok(r.error.start >= 0 && r.error.start <= r.error.end && r.error.end <= text.length, JSON.stringify(text));
        assert.ok(/^(line \d+, )?column \d+: /.test(r.error.message), r.error.message);
      }
      codes.set(r.ok ? 'ok' : r.error.code, (codes.get(r.ok ? 'ok' : r.error.code) ?? 0) + 1);
      const c = evaluateCondition(text, net.scope);
      if (!c.ok) assert.notEqual(c.error.code, 'internal', text);
      const t = parseAssignmentTarget(text, net.scope);
      if (!t.ok) assert.notEqual(t.error.code, 'internal', text);
    }
    // The generator reaches valid expressions and most kinds of error.
    assert.ok((codes.get('ok') ?? 0) > 300, JSON.stringify([...codes]));
    for (const code of ['syntax', 'unknown-name', 'index-out-of-range', 'shape-mismatch', 'type', 'arity']) assert.ok(codes.has(code), `${code}: ${JSON.stringify([...codes])}`);
  });

  it('3,000 random token strings through every public function', () => {
    const codes = new Map<string, number>();
    for (let n = 0; n < 3000; n++) {
      const length = 1 + rng.nextInt(14);
      const text = Array.from({ length }, pickToken).join(rng.next() < 0.5 ? '' : ' ');
      const r = evaluateExpression(text, net.scope);
      if (r.ok) {
        assert.equal(typeof formatValue(r.value), 'string');
        assert.equal(typeof formatValue(r.value, { style: 'inline' }), 'string');
      } else {
        assert.notEqual(r.error.code, 'internal', `${JSON.stringify(text)}: ${r.error.message}`);
        assert.ok(r.error.start >= 0 && r.error.start <= r.error.end && r.error.end <= text.length, JSON.stringify(text));
      }
      codes.set(r.ok ? 'ok' : r.error.code, (codes.get(r.ok ? 'ok' : r.error.code) ?? 0) + 1);
      const c = evaluateCondition(text, net.scope);
      if (!c.ok) assert.notEqual(c.error.code, 'internal', text);
      const l = interpolate(`v = {${text}} {{${text}}}`, net.scope);
      assert.ok(l.errors.every((e) => e.code !== 'internal'), text);
      const t = parseAssignmentTarget(text, net.scope);
      if (!t.ok) assert.notEqual(t.error.code, 'internal', text);
    }
    assert.ok((codes.get('syntax') ?? 0) > 0);
  });

  it('1,000 random character strings', () => {
    const chars = "Jaxzdelt_Theta0123456789.e+-*/^%'<>=!~&|()[],: {}#\u03b4\n";
    for (let n = 0; n < 1000; n++) {
      const text = Array.from({ length: 1 + rng.nextInt(30) }, () => chars[rng.nextInt(chars.length)]!).join('');
      const r = evaluateExpression(text, net.scope);
      if (!r.ok) assert.notEqual(r.error.code, 'internal', `${JSON.stringify(text)}: ${r.error.message}`);
      const l = interpolate(text, net.scope);
      assert.ok(l.errors.every((e) => e.code !== 'internal'), text);
    }
  });
});

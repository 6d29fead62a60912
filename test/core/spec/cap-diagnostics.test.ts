import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostic';
import { capDiagnostics, MAX_EDITOR_DIAGNOSTICS } from '../../../src/core/spec/cap-diagnostics';
import type { SpecCode } from '../../../src/core/spec/codes';
import { validateSpec } from '../../../src/core/spec/validate';

const at = (i: number, severity: Diagnostic<SpecCode>['severity'] = 'error'): Diagnostic<SpecCode> => ({ code: 'rows-not-number', severity, message: `m${i}`, range: [10 * i, 10 * i + 3] });

describe('core/spec/cap-diagnostics', () => {
  it('keeps every diagnostic up to the cap', () => {
    const ds = Array.from({ length: 5 }, (_, i) => at(i));
    assert.deepEqual(capDiagnostics(ds, 5), ds);
    assert.deepEqual(capDiagnostics([], 5), []);
  });

  it('over the cap: the first max − 1, then one that counts the rest (and their errors) at the first one left out', () => {
    const ds = [...Array.from({ length: 7 }, (_, i) => at(i)), at(7, 'warning'), at(8)];
    const capped = capDiagnostics(ds, 5);
    assert.equal(capped.length, 5);
    assert.deepEqual(capped.slice(0, 4), ds.slice(0, 4));
    const more = capped[4]!;
    assert.equal(more.code, 'more-problems');
    assert.equal(more.severity, 'info');
    assert.deepEqual(more.range, ds[4]!.range);
    // No field carries the counts: that the message gives them is more-problems' contract (codes.ts).
    assert.match(more.message, /^5 more problems from here on \(4 of them errors\)/);
  });

  it('caps a spec with thousands of bad rows at MAX_EDITOR_DIAGNOSTICS', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `    - [${i}, x${i}, ${i % 2}]`).join('\n');
    const text = `name: t\nlayers:\n  - units: 2\n  - units: 1\n    activation: sigmoid\ndata:\n  rows:\n${rows}\n`;
    const all = validateSpec(text).diagnostics;
    assert.ok(all.length >= 3000);
    const capped = capDiagnostics(all);
    assert.equal(capped.length, MAX_EDITOR_DIAGNOSTICS);
    assert.equal(capped.at(-1)?.code, 'more-problems');
  });
});

// A representative dozen of the bad-input corpus (test/reliability/corpus/specs), opened in
// the real editor: the Problems panel's source, languages.getDiagnostics, holds exactly the
// expected codes at the expected places, as the core and the CLI report them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readExpectations } from '../../corpus/expectations';
import { activateExtension, waitForDiagnostics } from './helpers';
import { writeSpec } from './fixtures';

/** Where the corpus lives in the repository (the extension's development path). */
const CORPUS = path.join(vscode.extensions.getExtension('nnspec.nnspec')!.extensionPath, 'test', 'reliability', 'corpus', 'specs');

const DOZEN = [
  'yaml-tab-indented-key.nnspec',
  'yaml-unclosed-flow-seq-eof.nnspec',
  'yaml-duplicate-key-train.nnspec',
  'yaml-billion-laughs.nnspec',
  'yaml-three-documents.nnspec',
  'yaml-whitespace-only.nnspec',
  'absurd-units-1e308.nnspec',
  'absurd-lambda-nan.nnspec',
  'absurd-seed-huge.nnspec',
  'unknown-key-optimiser.nnspec',
  'unknown-value-activation-case.nnspec',
  'type-validation-one.nnspec',
];

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('a dozen bad specs in the real editor', () => {
  before(() => activateExtension('nnspec.nnspec'));

  for (const name of DOZEN) {
    it(`${name}: the expected codes at the expected places`, async () => {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const expected = readExpectations(text);
      assert.ok(expected.length > 0, 'the corpus file states its expectations');
      const uri = writeSpec(`bad-${name}`, text);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const found = await waitForDiagnostics(uri, (ds) => ds.filter((d) => d.source === 'nnspec').length >= expected.length);
      const got = found
        .filter((d) => d.source === 'nnspec' && d.severity === vscode.DiagnosticSeverity.Error)
        .map((d) => `${codeOf(d)} ${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)}`)
        .sort();
      const want = expected.map((e) => `${e.code} ${e.range[0]}-${e.range[1]}`).sort();
      for (const w of want) assert.ok(got.includes(w), `expected ${w}; the editor shows ${got.join(', ')}`);
    });
  }

  it('a spec with 3,000 bad rows lists 500 problems, the last counting the rest', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `    - [${i}, x${i}, ${i % 2}]`).join('\n');
    const uri = writeSpec('bad-many-rows.nnspec', `name: t\nlayers:\n  - units: 2\n  - units: 1\n    activation: sigmoid\ndata:\n  rows:\n${rows}\n`);
    await vscode.window.showTextDocument(uri);
    const found = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'more-problems'))).filter((d) => d.source === 'nnspec');
    assert.equal(found.length, 500);
    const more = found.find((d) => codeOf(d) === 'more-problems')!;
    assert.match(more.message, /^2,50\d more problems/);
    assert.ok(found.filter((d) => codeOf(d) === 'rows-not-number').length >= 490, 'the rows’ own problems fill the list');
  });
});

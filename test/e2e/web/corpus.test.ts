// The bad-spec corpus (test/reliability/corpus/specs) through the browser build: each spec
// opened in the editor, where the web worker host's nnspec publishes exactly the codes at
// exactly the ranges the core and the CLI report on the desktop (the files' own
// expectations). Specs that read a CSV are left to the data tests: the corpus answers
// them from a fake probe; a file with NUL bytes is not opened as text by the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readExpectations } from '../../corpus/expectations';
import { codeOf, nnspec, openAndValidate, readText, writeWorkspaceFile } from './web-helpers';

describe('the bad-spec corpus in the browser build', function () {
  this.timeout(120_000);

  it('gives every spec the codes and ranges the desktop gives', async () => {
    const api = await nnspec();
    const folder = vscode.Uri.joinPath(vscode.extensions.getExtension('nnspec.nnspec')!.extensionUri, 'test', 'reliability', 'corpus', 'specs');
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => name.endsWith('.nnspec')).sort();
    assert.ok(names.length >= 80, `${names.length} corpus specs`);
    const mismatches: string[] = [];
    let checked = 0;
    for (const name of names) {
      const text = await readText(vscode.Uri.joinPath(folder, name));
      // The editor opens no binary file (NUL bytes) as text, on the desktop either.
      if (/\bcsv\s*:/.test(text) || text.includes('\0')) continue;
      const uri = await writeWorkspaceFile(`corpus-${name}`, text);
      const { document, diagnostics } = await openAndValidate(api, uri);
      const got = diagnostics.map((d) => `${codeOf(d)} @${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)}`).sort();
      // The editor makes a file's line ends one kind (a mixed file moves): read the ranges off its own text.
      const want = readExpectations(document.getText()).map((e) => `${e.code} @${e.range[0]}-${e.range[1]}`).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${name}: got [${got.join(', ')}], want [${want.join(', ')}]`);
      checked++;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    assert.ok(checked >= 70, `${checked} specs checked`);
    assert.deepEqual(mismatches, []);
  });
});

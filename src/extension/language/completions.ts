import * as vscode from 'vscode';
import { completionContextAt } from '../../core/spec/completion-context';
import { dataSourceOf, docAt } from '../../core/spec/locate';

/** Completions: the keys valid at the cursor and the values of enum keys, with their documentation. */
export class SpecCompletions implements vscode.CompletionItemProvider {
  static readonly triggers = [':', ' '];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const text = document.getText();
    const context = completionContextAt(text, document.offsetAt(position));
    if (!context) return [];
    const source = dataSourceOf(safeSpecValue(text));
    const doc = docAt(context.path, source);
    if (!doc) return [];
    if (context.kind === 'value') {
      return doc.allowed.map((value) => {
        const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
        item.documentation = new vscode.MarkdownString(doc.description ?? '');
        return item;
      });
    }
    return doc.keys
      .filter((key) => !context.present.includes(key))
      .map((key) => {
        const keyDoc = docAt([...context.path, key], source);
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
        item.detail = keyDoc?.type;
        item.documentation = new vscode.MarkdownString(`${keyDoc?.description ?? ''}${keyDoc?.hasDefault && keyDoc.defaultValue !== undefined ? `\n\nDefault: \`${JSON.stringify(keyDoc.defaultValue)}\`` : ''}`);
        item.insertText = keyDoc && keyDoc.keys.length > 0 ? new vscode.SnippetString(`${key}:\n  $0`) : new vscode.SnippetString(`${key}: $0`);
        return item;
      });
  }
}

/** The spec as plain data, when the text parses at all (only to tell which data source it uses). */
function safeSpecValue(text: string): unknown {
  const match = /^data:\s*\n(?:[ \t]+.*\n)*?[ \t]+(rows|csv|generate)\s*:/m.exec(text);
  return match ? { data: { [match[1]!]: true } } : undefined;
}

import * as vscode from 'vscode';
import { docAt, locateInText } from '../../core/spec/locate';
import { modelSummaryMarkdown } from '../../core/spec/model-summary';
import type { DiagnosticsController } from '../validation/diagnostics-controller';
import { toRange } from '../positions';

/** Hovers: the documentation of a key or value; on `layers`, the model summary. */
export class SpecHovers implements vscode.HoverProvider {
  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = document.getText();
    const location = locateInText(text, document.offsetAt(position));
    if (!location) return undefined;
    const path = location.path;
    const doc = docAt(path);
    if (!doc) return undefined;
    const md = new vscode.MarkdownString();
    const name = path.filter((seg) => typeof seg === 'string').join('.');
    md.appendMarkdown(`**${name}**: ${doc.type}${doc.required ? ' (required)' : ''}\n\n`);
    if (doc.description) md.appendMarkdown(`${doc.description}\n\n`);
    if (doc.hasDefault && doc.defaultValue !== undefined) md.appendMarkdown(`Default: \`${JSON.stringify(doc.defaultValue)}\`\n\n`);
    if (path.length === 1 && path[0] === 'layers') {
      const spec = this.diagnostics.validationOf(document).spec;
      if (spec) md.appendMarkdown(`\n${modelSummaryMarkdown(spec.layers)}\n`);
      else md.appendMarkdown('_The model summary appears once the spec is valid._');
    }
    return new vscode.Hover(md, toRange(document, location.range));
  }
}

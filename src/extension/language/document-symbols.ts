import * as vscode from 'vscode';
import { specSymbols, type SpecSymbol, type SpecSymbolKind } from '../../core/spec/document-symbols';
import { toRange } from '../positions';

/** The Outline view and breadcrumbs of a spec: its sections, and `layers` opened into a^(1) … a^(L). */
export class SpecDocumentSymbols implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return specSymbols(document.getText()).map((symbol) => toDocumentSymbol(document, symbol));
  }
}

function toDocumentSymbol(document: vscode.TextDocument, symbol: SpecSymbol): vscode.DocumentSymbol {
  const out = new vscode.DocumentSymbol(symbol.name, symbol.detail ?? '', KINDS[symbol.kind], toRange(document, symbol.range), toRange(document, symbol.selectionRange));
  out.children = symbol.children.map((child) => toDocumentSymbol(document, child));
  return out;
}

const KINDS: Record<SpecSymbolKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Module,
  list: vscode.SymbolKind.Array,
  layer: vscode.SymbolKind.Object,
  value: vscode.SymbolKind.Property,
};

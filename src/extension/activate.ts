import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LayerInlineValues } from './debug/layer-inline-values';
import { StoppedLayerHover } from './debug/stopped-layer-hover';
import { Ctx } from './ctx';
import { InspectorPanel, INSPECTOR_VIEW_TYPE } from './inspector/inspector-panel';
import { SpecCodeLenses } from './language/code-lenses';
import { SpecCompletions } from './language/completions';
import { SpecDataLinks } from './language/data-links';
import { SpecDocumentSymbols } from './language/document-symbols';
import { SpecHovers } from './language/hovers';
import { ThetaInlayHints } from './language/theta-inlay-hints';
import { QuickFixProvider } from './language/quick-fixes';
import type { Platform } from './platform';
import { NNSPEC_LANGUAGE } from './validation/diagnostics-controller';
import { GradientCheckTests } from './testing/gradient-check-tests';

let ctx: Ctx | undefined;

/** What tests and other extensions can reach. */
export interface NnspecApi {
  readonly ctx: Ctx;
  /** The Test Explorer's gradient checks (tests drive and read them). */
  readonly gradientTests: GradientCheckTests;
}

/** Activates the extension on `platform`: everything but the platform's edge is the same on the desktop and in the browser. */
export function activateOn(context: vscode.ExtensionContext, platform: Platform): NnspecApi {
  try {
    ctx = new Ctx(context, platform);
    context.subscriptions.push(ctx);
    const selector: vscode.DocumentSelector = { language: NNSPEC_LANGUAGE };
    registerCommands(ctx);
    ctx.own(vscode.languages.registerCodeActionsProvider(selector, new QuickFixProvider(ctx.diagnostics), { providedCodeActionKinds: QuickFixProvider.kinds }));
    ctx.own(vscode.languages.registerHoverProvider(selector, new SpecHovers(ctx.diagnostics)));
    ctx.own(vscode.languages.registerCompletionItemProvider(selector, new SpecCompletions(), ...SpecCompletions.triggers));
    ctx.own(vscode.languages.registerCodeLensProvider(selector, new SpecCodeLenses(ctx)));
    ctx.own(vscode.languages.registerDocumentSymbolProvider(selector, new SpecDocumentSymbols(), { label: 'nnspec' }));
    ctx.own(vscode.languages.registerDocumentLinkProvider(selector, new SpecDataLinks(platform.dataFiles)));
    ctx.own(vscode.languages.registerInlayHintsProvider(selector, new ThetaInlayHints(ctx)));
    ctx.own(vscode.languages.registerInlineValuesProvider(selector, new LayerInlineValues(ctx.debugStops)));
    ctx.own(vscode.languages.registerHoverProvider(selector, new StoppedLayerHover(ctx.debugStops)));
    platform.registerExtras(ctx);
    const gradientTests = ctx.own(new GradientCheckTests(ctx));
    const owner = ctx;
    ctx.own(vscode.window.registerWebviewPanelSerializer(INSPECTOR_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => InspectorPanel.revive(owner, panel, state) }));
    return { ctx, gradientTests };
  } catch (error) {
    void vscode.window.showErrorMessage(`nnspec failed to start: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export function deactivateNow(): void {
  InspectorPanel.instance?.dispose();
  ctx?.dispose();
  ctx = undefined;
}

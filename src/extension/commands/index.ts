import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { InspectorPanel } from '../inspector/inspector-panel';
import { debugCommand } from '../debug/debug-configurations';
import { checkGradientsCommand } from './check-gradients';
import { compareInitCommand } from './compare-init';
import { exportNetworkCommand } from './export-network';
import { newSpecCommand } from './new-spec';
import { openExampleCommand } from './open-example';
import { setInitCommand } from './set-init';
import { specDocument } from './spec-document';
import { stopTrainingCommand, trainCommand } from './train';

type CommandFactory = (ctx: Ctx) => (...args: never[]) => unknown;

/** Every command, by the id package.json declares. */
const COMMANDS: Record<string, CommandFactory> = {
  'nnspec.train': trainCommand,
  'nnspec.stopTraining': stopTrainingCommand,
  'nnspec.checkGradients': checkGradientsCommand,
  'nnspec.debug': debugCommand,
  'nnspec.setInitStrategy': setInitCommand,
  'nnspec.compareInit': compareInitCommand,
  'nnspec.exportNetwork': exportNetworkCommand,
  'nnspec.newSpec': newSpecCommand,
  'nnspec.openExample': openExampleCommand,
  /** Returns the panel's description (its HTML and resource roots), for tests of its security. */
  'nnspec.openInspector': (ctx) => async (uri?: unknown) => {
    const document = await specDocument(ctx, uri, 'inspect it');
    return document ? InspectorPanel.createOrShow(ctx, document.uri).describe() : undefined;
  },
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    ctx.own(vscode.commands.registerCommand(id, factory(ctx)));
  }
}

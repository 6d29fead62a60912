import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import type { TrainingProgress } from '../../core/train/progress';

/** The status-bar item while a network trains: its iteration and cost; a click stops it. */
export class TrainingStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nnspec.training', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'nnspec training';
    this.item.command = 'nnspec.stopTraining';
  }

  show(uri: vscode.Uri, p?: TrainingProgress): void {
    const name = fileNameOf(uri);
    this.item.text = p ? `$(sync~spin) ${name}: ${p.iteration}/${p.maxIterations} J ${p.cost.toPrecision(4)}` : `$(sync~spin) ${name}: starting`;
    this.item.tooltip = 'nnspec is training this network. Click to stop.';
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}

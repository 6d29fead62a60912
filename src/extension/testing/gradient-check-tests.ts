/**
 * Gradient checks in VS Code's Test Explorer: one test item per .nnspec file of the
 * workspace, and under it one per Θ^(l) at the layer entry it feeds (layer l + 1), where the
 * inline verdict goes. Run checks the spec's gradients in a worker as NN: Check gradients does;
 * each Θ^(l) passes or fails with its relative difference. Specs run one after another, so a
 * Run all keeps to the job's thread limit; cancelling stops the check under way.
 */
import * as vscode from 'vscode';
import { fileNameOf } from '../uri-names';
import type { GradientCheckReport } from '../../core/nn/gradient-check';
import { outlineSpec } from '../../core/spec/outline';
import { LineIndex } from '../../core/text/line-index';
import type { Ctx } from '../ctx';
import { layerVerdict } from '../gradient-check/check-results';
import { toRange } from '../positions';
import { NNSPEC_LANGUAGE } from '../validation/diagnostics-controller';

export const TEST_CONTROLLER_ID = 'nnspec.gradientChecks';
const SPEC_GLOB = '**/*.nnspec';

/** What the last run said of each item (by id), for tests and the curious. */
export interface TestOutcome {
  readonly state: 'passed' | 'failed' | 'errored' | 'skipped';
  readonly message?: string;
  /** 0-based line of the message's location, when it has one. */
  readonly line?: number;
}

export class GradientCheckTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, 'nnspec gradient checks');
  /** The outcomes of the last run, by item id. */
  readonly outcomes = new Map<string, TestOutcome>();
  private readonly disposables: vscode.Disposable[] = [this.controller];

  constructor(private readonly ctx: Ctx) {
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discover();
      else await this.refresh(item.uri!);
    };
    this.controller.createRunProfile('Check gradients', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher(SPEC_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refresh(uri)),
      watcher.onDidChange((uri) => void this.refresh(uri)),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
    );
  }

  /** Every .nnspec file of the workspace, with its Θ^(l) under it. */
  async discover(): Promise<void> {
    const files = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**');
    await Promise.all(files.map((uri) => this.refresh(uri)));
  }

  /** Runs the checks of `include` (default every spec), as the Run button does. */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    this.outcomes.clear();
    try {
      if (request.include === undefined) await this.discover();
      // A check covers a whole spec: a Θ^(l) asked for runs its spec; an excluded spec is left out.
      const excluded = new Set((request.exclude ?? []).map((item) => item.id));
      const specs = new Map<string, vscode.TestItem>();
      for (const item of request.include ?? [...collect(this.controller.items)]) {
        const spec = item.parent ?? item;
        if (!excluded.has(spec.id)) specs.set(spec.id, spec);
      }
      for (const spec of specs.values()) {
        if (token.isCancellationRequested) {
          this.skip(run, spec);
          continue;
        }
        await this.check(run, spec, token);
      }
    } finally {
      run.end();
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async check(run: vscode.TestRun, spec: vscode.TestItem, token: vscode.CancellationToken): Promise<void> {
    const layers = [...collect(spec.children)];
    for (const item of [spec, ...layers]) run.started(item);
    if (!vscode.workspace.isTrusted) return this.error(run, spec, 'Trust this workspace to check gradients (they read the data).');
    const document = await vscode.workspace.openTextDocument(spec.uri!);
    const validation = this.ctx.diagnostics.validationOf(document);
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    if (!validation.spec) return this.error(run, spec, `The spec has ${errors.length} error${errors.length === 1 ? '' : 's'}; see the Problems view. ${errors[0]?.message ?? ''}`.trim());
    const version = document.version;
    const final = await this.ctx.jobs.checkQuietly(document, token);
    if (!final) return this.error(run, spec, 'Its gradients are being checked already.');
    if (final.type === 'failed') return this.error(run, spec, final.message);
    if (final.type !== 'checked') return this.error(run, spec, `Unexpected answer from the check: ${final.type}.`);
    if (document.version === version) this.ctx.checkResults.set(document, final.report);
    this.report(run, spec, document, final.report);
  }

  private report(run: vscode.TestRun, spec: vscode.TestItem, document: vscode.TextDocument, report: GradientCheckReport): void {
    if (report.cancelled) return this.skip(run, spec);
    const outline = outlineSpec(document.getText());
    for (const layer of report.layers) {
      const item = spec.children.get(layerId(spec.uri!, layer.layer));
      if (!item) continue;
      const message = layerVerdict(layer, report);
      const entry = outline.layers[layer.layer];
      const range = entry ? toRange(document, entry) : undefined;
      run.appendOutput(`${fileNameOf(document.uri)}: ${message}\r\n`, range ? new vscode.Location(document.uri, range) : undefined, item);
      if (layer.passed) {
        run.passed(item);
        this.outcomes.set(item.id, { state: 'passed', message });
      } else {
        const failure = new vscode.TestMessage(message);
        if (range) failure.location = new vscode.Location(document.uri, range);
        run.failed(item, failure);
        this.outcomes.set(item.id, { state: 'failed', message, ...(range ? { line: range.start.line } : {}) });
      }
    }
    if (report.passed) run.passed(spec);
    else run.failed(spec, new vscode.TestMessage(`Gradient check failed for ${report.layers.filter((l) => !l.passed).map((l) => `Θ^(${l.layer})`).join(', ')}.`));
    this.outcomes.set(spec.id, { state: report.passed ? 'passed' : 'failed' });
  }

  private error(run: vscode.TestRun, spec: vscode.TestItem, message: string): void {
    run.errored(spec, new vscode.TestMessage(message));
    for (const item of collect(spec.children)) run.skipped(item);
    this.outcomes.set(spec.id, { state: 'errored', message });
  }

  private skip(run: vscode.TestRun, spec: vscode.TestItem): void {
    for (const item of [spec, ...collect(spec.children)]) {
      run.skipped(item);
      this.outcomes.set(item.id, { state: 'skipped' });
    }
  }

  /** The spec's item and one child per Θ^(l), from its text (an open editor's, else the file's). */
  private async refresh(uri: vscode.Uri): Promise<void> {
    let text: string;
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === NNSPEC_LANGUAGE);
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.controller.items.delete(uri.toString());
      return;
    }
    const spec = this.controller.items.get(uri.toString()) ?? this.controller.createTestItem(uri.toString(), fileNameOf(uri), uri);
    // The folder within the workspace; none for a spec at its root (asRelativePath of the root is its full path).
    const relative = vscode.workspace.asRelativePath(uri, false);
    spec.description = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
    const outline = outlineSpec(text);
    const lines = new LineIndex(text);
    const children: vscode.TestItem[] = [];
    // Θ^(l) maps layer l to l + 1: its item sits at layer l + 1's entry, where its verdict goes.
    for (let l = 1; l < outline.layers.length; l++) {
      const child = this.controller.createTestItem(layerId(uri, l), `Θ^(${l})`, uri);
      child.range = rangeAt(lines, outline.layers[l]!);
      child.description = `layer ${l} → ${l + 1}`;
      children.push(child);
    }
    spec.children.replace(children);
    this.controller.items.add(spec);
  }
}

function layerId(uri: vscode.Uri, layer: number): string {
  return `${uri.toString()}#Theta${layer}`;
}

function collect(items: vscode.TestItemCollection): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  items.forEach((item) => out.push(item));
  return out;
}

function rangeAt(lines: LineIndex, [start, end]: readonly [number, number]): vscode.Range {
  const a = lines.positionAt(start), b = lines.positionAt(end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

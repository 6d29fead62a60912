import * as vscode from 'vscode';
import { initEdits, type InitSettings } from '../../core/spec/init-edit';
import type { InitStrategyName } from '../../core/spec/schema';
import type { Ctx } from '../ctx';
import { toRange } from '../positions';
import { specDocument } from './spec-document';

const STRATEGIES: { strategy: InitStrategyName; detail: string }[] = [
  { strategy: 'uniform', detail: 'Uniform in [−ε, ε], ε = √6/√(s_l + s_(l+1)) by default: breaks symmetry (the lecture’s choice).' },
  { strategy: 'xavier', detail: 'Normal with σ = √(2/(s_l + s_(l+1))), biases 0: keeps activations’ variance for sigmoid and tanh.' },
  { strategy: 'he', detail: 'Normal with σ = √(2/s_l), biases 0: suited to relu layers.' },
  { strategy: 'zeros', detail: 'Every weight 0: hidden units stay identical — see the symmetry problem for yourself.' },
  { strategy: 'debug', detail: 'Deterministic weights sin(1)/10, sin(2)/10, … in each Θ’s row-major order, as used to check gradients; not random.' },
];

/**
 * Set initialization strategy…: a quick pick of the strategies, then ε and seed where they
 * apply; the spec's `init` is edited in place (comments kept).
 */
export function setInitCommand(ctx: Ctx) {
  return async (uri?: unknown, preset?: InitSettings): Promise<boolean> => {
    const document = await specDocument(ctx, uri, 'set its initialisation');
    if (!document) return false;
    const settings = preset ?? (await ask(ctx, document));
    if (!settings) return false;
    const edit = new vscode.WorkspaceEdit();
    for (const e of initEdits(document.getText(), settings)) edit.replace(document.uri, toRange(document, e.range), e.text);
    return vscode.workspace.applyEdit(edit);
  };
}

async function ask(ctx: Ctx, document: vscode.TextDocument): Promise<InitSettings | undefined> {
  const current = ctx.diagnostics.validationOf(document).spec?.init;
  const picked = await vscode.window.showQuickPick(
    STRATEGIES.map((s) => ({ label: s.strategy, detail: s.detail, description: s.strategy === current?.strategy ? 'current' : '' })),
    { placeHolder: 'How should the weights start?', matchOnDetail: true },
  );
  if (!picked) return undefined;
  const strategy = picked.label as InitStrategyName;
  let epsilon: number | null | undefined;
  if (strategy === 'uniform') {
    const answer = await vscode.window.showInputBox({
      title: 'Half-width ε of [−ε, ε]',
      prompt: 'Leave empty for the default √6/√(s_l + s_(l+1)) per layer.',
      value: current?.epsilon !== undefined ? String(current.epsilon) : '',
      validateInput: (v) => (v.trim() === '' || Number(v) > 0 ? undefined : 'ε must be a number > 0'),
    });
    if (answer === undefined) return undefined;
    epsilon = answer.trim() === '' ? null : Number(answer);
  } else {
    epsilon = null;
  }
  let seed: number | undefined;
  if (strategy === 'uniform' || strategy === 'xavier' || strategy === 'he') {
    const answer = await vscode.window.showInputBox({
      title: 'Seed',
      prompt: 'A whole number ≥ 0: the same seed gives the same weights on every machine.',
      value: String(current?.seed ?? 0),
      validateInput: (v) => (/^\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v)) ? undefined : 'a whole number ≥ 0'),
    });
    if (answer === undefined) return undefined;
    seed = Number(answer);
  }
  return { strategy, epsilon, ...(seed !== undefined ? { seed } : {}) };
}

/**
 * While the network is stopped, hovering a layer's entry in the spec shows that layer's values
 * at the stop: a^(l), z^(l), δ^(l), Θ^(l) and D^(l), those the step has computed, evaluated by
 * the adapter as the Debug Console would (so they read the same everywhere).
 */
import * as vscode from 'vscode';
import { stepLocations } from '../../core/debug/step-locations';
import type { StoppedSessions } from './stopped-sessions';

export class StoppedLayerHover implements vscode.HoverProvider {
  constructor(private readonly sessions: StoppedSessions) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const session = this.sessions.stoppedOn(document.uri);
    if (!session) return undefined;
    const { layerLines, layerEndLines } = stepLocations(document.getText());
    const index = layerLines.findIndex((first, i) => position.line >= first && position.line <= layerEndLines[i]!);
    if (index < 0) return undefined;
    const l = index + 1, L = layerLines.length;
    const quantities: [label: string, expression: string][] = [[`a^(${l})`, `a[${l}]`]];
    if (l > 1) quantities.push([`z^(${l})`, `z[${l}]`], [`δ^(${l})`, `delta[${l}]`]);
    if (l < L) quantities.push([`Θ^(${l})`, `Theta[${l}]`], [`D^(${l})`, `D[${l}]`]);
    const [where, ...values] = await Promise.all([topFrameName(session), ...quantities.map(([, e]) => evaluate(session, e))]);
    const rows = quantities.flatMap(([label], i) => (values[i] === undefined ? [] : [`| ${label} | \`${values[i]}\` |`]));
    if (rows.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(`**Layer ${l} at this stop**${where ? ` (${escape(where)})` : ''}\n\n| | |\n|---|---|\n${rows.join('\n')}`);
    return new vscode.Hover(markdown, new vscode.Range(layerLines[index]!, 0, layerEndLines[index]!, document.lineAt(layerEndLines[index]!).text.length));
  }
}

/** The value on one line, or undefined when this stop has not computed it (or the session moved on). */
async function evaluate(session: vscode.DebugSession, expression: string): Promise<string | undefined> {
  try {
    const body = (await session.customRequest('evaluate', { expression, context: 'hover' })) as { result: string };
    return body.result.replace(/\|/g, '\\|');
  } catch {
    return undefined;
  }
}

async function topFrameName(session: vscode.DebugSession): Promise<string | undefined> {
  try {
    const body = (await session.customRequest('stackTrace', { threadId: 1, levels: 1 })) as { stackFrames: { name: string }[] };
    return body.stackFrames[0]?.name;
  } catch {
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]|]/g, (c) => `\\${c}`);
}

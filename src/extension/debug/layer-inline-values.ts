/**
 * Inline values while the network is stopped: at the end of each layer's line of the spec,
 * the numbers the adapter summarises for it (mean a^(l) and ‖δ^(l)‖ inside an example, ‖Θ^(l)‖
 * and ‖D^(l)‖ at an evaluation's or iteration's end).
 */
import * as vscode from 'vscode';
import { LAYER_SUMMARIES_REQUEST, type LayerSummariesBody } from '../../protocol/debug-requests';
import type { StoppedSessions } from './stopped-sessions';

export class LayerInlineValues implements vscode.InlineValuesProvider {
  constructor(private readonly sessions: StoppedSessions) {}

  async provideInlineValues(document: vscode.TextDocument, viewPort: vscode.Range, context: vscode.InlineValueContext): Promise<vscode.InlineValue[]> {
    const session = this.sessions.stoppedOn(document.uri);
    if (!session) return [];
    let body: LayerSummariesBody;
    try {
      body = (await session.customRequest(LAYER_SUMMARIES_REQUEST, { frameId: context.frameId })) as LayerSummariesBody;
    } catch {
      return []; // the session resumed or ended meanwhile: nothing to show
    }
    return body.layers.flatMap(({ line, text }) => {
      const l = line - 1;
      if (l < viewPort.start.line || l > viewPort.end.line || l >= document.lineCount) return [];
      const end = document.lineAt(l).range.end;
      return [new vscode.InlineValueText(new vscode.Range(end, end), text)];
    });
  }
}

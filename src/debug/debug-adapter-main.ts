/**
 * The nnspec debug adapter as a program speaking DAP over stdin/stdout (dist/debug-adapter.js):
 * what the extension starts for a debug session, and what the adapter's tests drive with a real
 * DAP client. The session is the same class the extension could run inline; the framing is
 * ours (dap-framing.ts), with limits. A protocol error ends the adapter with one line on
 * stderr and exit code 1; a client that goes away ends it quietly.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import { frame, FrameReader } from './dap-framing';
import { NnspecDebugSession } from './nnspec-debug-session';

function main(): void {
  const session = new NnspecDebugSession();
  const reader = new FrameReader();
  let closing = false;
  const exit = (code: number, note?: string): void => {
    if (closing) return;
    closing = true;
    if (note) process.stderr.write(`nnspec debug adapter: ${note}\n`);
    process.stdout.end(() => process.exit(code));
    setTimeout(() => process.exit(code), 500).unref();
  };
  process.stdout.on('error', () => exit(0)); // the client closed its end: nobody to tell
  session.onDidSendMessage((message) => {
    if (closing) return;
    process.stdout.write(frame(message));
    const m = message as DebugProtocol.ProtocolMessage & { command?: string };
    if (m.type === 'response' && m.command === 'disconnect') exit(0);
  });
  process.stdin.on('data', (chunk: Buffer) => {
    for (const event of reader.push(chunk)) {
      if (event.kind === 'fatal') return exit(1, `protocol error: ${event.reason}; closing.`);
      if (event.kind === 'skipped') {
        process.stderr.write(`nnspec debug adapter: skipped ${event.reason}\n`);
        continue;
      }
      session.handleMessage(event.message as unknown as DebugProtocol.ProtocolMessage);
    }
  });
  process.stdin.on('end', () => exit(0, reader.pending > 0 ? 'the client closed the connection in the middle of a frame.' : undefined));
  process.stdin.on('error', () => exit(0));
}

main();

/**
 * The nnspec debug adapter as a program speaking DAP over stdin/stdout (dist/debug-adapter.js):
 * what the extension starts for a debug session, and what the adapter's tests drive with a real
 * DAP client. This main thread only frames (dap-framing.ts, with limits) and relays; the session
 * runs in a worker thread (debug-worker.ts), where a stopped network may block. A protocol
 * error ends the adapter with one line on stderr and exit code 1; a client that goes away ends
 * it quietly; a worker that dies ends the session with a message in the Debug Console.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { frame, FrameReader } from './dap-framing';
import { FLUSH_REQUEST } from '../protocol/debug-requests';
import { INBOX_WORDS, postToWorker } from './worker-inbox';

/** How long a disconnect waits for the worker's answer before the adapter answers and ends it. */
const DISCONNECT_WAIT_MS = 2000;
/** The request, never sent to the client, that the worker answers once it has served everything before it. */
const FLUSH_SEQ = -1;
/** How long an adapter whose worker died waits for the client's disconnect before it ends. */
const DEAD_WORKER_WAIT_MS = 5000;

/**
 * The worker's heap budget: a network or data set too large for it ends the session with a
 * message instead of exhausting the machine. NNSPEC_DEBUG_WORKER_HEAP_MB overrides it.
 */
const DEFAULT_WORKER_HEAP_MB = 4096;

function workerHeapMB(): number {
  const asked = Number(process.env['NNSPEC_DEBUG_WORKER_HEAP_MB']);
  return Number.isInteger(asked) && asked >= 16 ? asked : DEFAULT_WORKER_HEAP_MB;
}

/** The worker's entry: the bundle beside this one, or the source (run by tsx). */
function workerFile(): string {
  const bundled = path.join(__dirname, 'debug-worker.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'debug-worker.ts');
}

function main(): void {
  const reader = new FrameReader();
  const control = new Int32Array(new SharedArrayBuffer(INBOX_WORDS * 4));
  const { port1, port2 } = new MessageChannel();
  const file = workerFile();
  const execArgv = file.endsWith('.ts') ? ['--require', createRequire(__filename).resolve('tsx/cjs')] : [];
  // The worker's own output must never reach stdout, which carries the protocol.
  const heapMB = workerHeapMB();
  const worker = new Worker(file, {
    workerData: { port: port2, control }, transferList: [port2], execArgv, stdout: true, stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: heapMB },
  });
  worker.stdout.pipe(process.stderr);
  worker.stderr.pipe(process.stderr);
  let closing = false;
  const send = (message: object): void => {
    if (!closing) process.stdout.write(frame(message as Record<string, unknown>));
  };
  const exit = (code: number, note?: string): void => {
    if (closing) return;
    closing = true;
    if (note) process.stderr.write(`nnspec debug adapter: ${note}\n`);
    void worker.terminate();
    process.stdout.end(() => process.exit(code));
    setTimeout(() => process.exit(code), 500).unref();
  };
  /** Requests the worker has not answered yet: if it dies, each still gets its answer. */
  const unanswered = new Map<number, string>();
  const answer = (request: Record<string, unknown>, message?: string): void => {
    const command = typeof request['command'] === 'string' ? request['command'] : '';
    send({ seq: 0, type: 'response', request_seq: request['seq'], command, success: message === undefined, ...(message === undefined ? {} : { message }) });
  };
  /** Set once the worker has died: why, for every later request. */
  let workerDied: string | undefined;
  /**
   * The session cannot go on: say why where the user looks, answer what was pending, and end the
   * session; the adapter stays to answer the client's disconnect, then ends.
   */
  const endSession = (why: string): void => {
    if (workerDied !== undefined || closing) return;
    workerDied = why;
    process.stderr.write(`nnspec debug adapter: ${why}\n`);
    for (const [seq, command] of unanswered) answer({ seq, command }, why);
    unanswered.clear();
    send({ seq: 0, type: 'event', event: 'output', body: { category: 'stderr', output: `nnspec debugger: ${why}\n` } });
    send({ seq: 0, type: 'event', event: 'terminated' });
    setTimeout(() => exit(1), DEAD_WORKER_WAIT_MS);
  };
  process.stdout.on('error', () => exit(0)); // the client closed its end: nobody to tell
  port1.on('message', (message: Record<string, unknown>) => {
    if (message['type'] === 'response' && message['request_seq'] === FLUSH_SEQ) return exit(0);
    if (message['type'] === 'response' && typeof message['request_seq'] === 'number') unanswered.delete(message['request_seq']);
    send(message);
    if (message['type'] === 'response' && message['command'] === 'disconnect') exit(0);
  });
  worker.on('error', (e: NodeJS.ErrnoException) =>
    endSession(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the debugger's worker ran out of memory (heap limit ${heapMB} MB); the session has ended.` : `the debugger's worker failed: ${e.message}`));
  worker.on('exit', (code) => {
    if (!closing) endSession(`the debugger's worker stopped (exit code ${code}); the session has ended.`);
  });
  process.stdin.on('data', (chunk: Buffer) => {
    for (const event of reader.push(chunk)) {
      if (event.kind === 'fatal') return exit(1, `protocol error: ${event.reason}; closing.`);
      if (event.kind === 'skipped') {
        process.stderr.write(`nnspec debug adapter: skipped ${event.reason}\n`);
        continue;
      }
      const message = event.message;
      const isRequest = message['type'] === 'request';
      if (workerDied !== undefined) {
        if (!isRequest) continue;
        answer(message, message['command'] === 'disconnect' ? undefined : workerDied);
        if (message['command'] === 'disconnect') exit(1);
        continue;
      }
      if (isRequest && typeof message['seq'] === 'number') unanswered.set(message['seq'], String(message['command']));
      postToWorker(port1, control, message);
      if (message['type'] === 'request' && message['command'] === 'disconnect') {
        // A worker busy inside a step answers between steps; one that cannot is ended.
        setTimeout(() => {
          send({ seq: 0, type: 'response', request_seq: typeof message['seq'] === 'number' ? message['seq'] : 0, command: 'disconnect', success: true });
          exit(0);
        }, DISCONNECT_WAIT_MS).unref();
      }
    }
  });
  process.stdin.on('end', () => {
    if (workerDied !== undefined) return exit(1);
    if (reader.pending > 0) process.stderr.write('nnspec debug adapter: the client closed the connection in the middle of a frame.\n');
    // What the client sent before it went away is answered (a script may pipe requests in), then the adapter ends.
    postToWorker(port1, control, { seq: FLUSH_SEQ, type: 'request', command: FLUSH_REQUEST });
    setTimeout(() => exit(0), DISCONNECT_WAIT_MS).unref();
  });
  process.stdin.on('error', () => exit(0));
}

main();

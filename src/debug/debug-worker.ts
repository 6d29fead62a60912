/**
 * The debug adapter's worker thread: the session and its run live here, so that a network
 * stopped at a step (or computing one) blocks only this thread; the adapter's main thread
 * keeps reading the client's frames and hands them over (debug-adapter-main.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { NnspecDebugSession } from './nnspec-debug-session';
import { WorkerInbox } from './worker-inbox';

const { port, control } = workerData as { port: MessagePort; control: Int32Array };
const session = new NnspecDebugSession(new WorkerInbox(port, control));
session.onDidSendMessage((message) => port.postMessage(message));
port.on('message', (message: unknown) => session.handleMessage(message as DebugProtocol.ProtocolMessage));
parentPort?.postMessage({ ready: true });

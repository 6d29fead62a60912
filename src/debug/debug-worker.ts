/**
 * The debug adapter's worker thread: the session and its run live here, so that a network
 * stopped at a step (or computing one) blocks only this thread; the adapter's main thread
 * keeps reading the client's frames and hands them over (debug-adapter-main.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { lowerThreadPriority } from '../parallel/background-priority';
import { NodeDebugSession } from './node-debug-session';
import { WorkerInbox } from './worker-inbox';

const { port, control } = workerData as { port: MessagePort; control: Int32Array };
// A run under the debugger computes like Train's worker: at background priority, so the editor
// keeps its core (the evaluation pool started from this thread inherits it).
lowerThreadPriority();
const session = new NodeDebugSession(new WorkerInbox(port, control));
session.onDidSendMessage((message) => port.postMessage(message));
port.on('message', (message: unknown) => session.handleMessage(message as DebugProtocol.ProtocolMessage));
parentPort?.postMessage({ ready: true });

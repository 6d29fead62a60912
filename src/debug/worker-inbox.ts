/**
 * The debug worker's mailbox while its run holds the thread: a stopped network waits here for
 * the client's next request, and a running one looks here between steps for Pause and Stop.
 * The adapter's main thread posts each request on the port, then bumps a shared counter and
 * wakes the worker (Atomics.notify); the worker reads with receiveMessageOnPort, so no event
 * loop is needed while the run is inside a step.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** The shared words: [0] counts the messages posted to the worker. */
export const INBOX_WORDS = 1;
const POSTED = 0;

export class WorkerInbox {
  private seen = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly control: Int32Array,
  ) {}

  /** Whether a message may have arrived since the last drain (one atomic read: cheap at every step). */
  get pending(): boolean {
    return Atomics.load(this.control, POSTED) !== this.seen;
  }

  /** Hands every message that has arrived to `handle`, without waiting. */
  drain(handle: (message: unknown) => void): void {
    const posted = Atomics.load(this.control, POSTED);
    for (let r = receiveMessageOnPort(this.port); r; r = receiveMessageOnPort(this.port)) handle(r.message);
    this.seen = posted;
  }

  /** Blocks the thread until a message arrives, and returns it. */
  wait(): unknown {
    for (;;) {
      const posted = Atomics.load(this.control, POSTED);
      const r = receiveMessageOnPort(this.port);
      if (r) return r.message;
      this.seen = posted;
      Atomics.wait(this.control, POSTED, posted);
    }
  }
}

/** The main thread's side: post, count, wake. */
export function postToWorker(port: { postMessage(message: unknown): void }, control: Int32Array, message: unknown): void {
  port.postMessage(message);
  Atomics.add(control, POSTED, 1);
  Atomics.notify(control, POSTED);
}

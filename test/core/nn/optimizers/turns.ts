/** What the sliced-driver tests share: event-loop turns, a cancel that arrives as a message, bit-for-bit comparison. */
import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';

/** One turn of the event loop, as a worker would take it between slices. */
export const immediateTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A worker's turn: a message to itself on a MessageChannel, handled after the messages already queued. Close it after the run. */
export function channelTurn(): { yieldTurn: () => Promise<void>; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  let pending: (() => void) | undefined;
  port1.on('message', () => pending?.());
  return {
    yieldTurn: () => new Promise((resolve) => {
      pending = resolve;
      port2.postMessage(0);
    }),
    close: () => port1.close(),
  };
}

/** A clock that only moves when told to (so no test depends on the machine's speed). */
export class FakeClock {
  t = 0;
  readonly now = (): number => this.t;
}

/**
 * A cancel that can only arrive as a message event: `send()` posts on a MessageChannel, and
 * the handler aborts the signal whenever the event loop delivers it. `callsAtAbort` is the
 * caller's count (from `calls()`) when that happened, -1 until then.
 */
export class MessageCancel {
  readonly controller = new AbortController();
  callsAtAbort = -1;
  /** Resolves once the message was handled. */
  readonly delivered: Promise<void>;
  private readonly channel = new MessageChannel();

  constructor(calls: () => number) {
    this.delivered = new Promise((resolve) => {
      this.channel.port1.on('message', () => {
        this.controller.abort();
        this.callsAtAbort = calls();
        resolve();
      });
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  send(): void {
    this.channel.port2.postMessage('cancel');
  }

  close(): void {
    this.channel.port1.close();
  }
}

/** When the test posts its cancel: after an iteration's report, or during an objective call (in the middle of an epoch or a line search). */
export type SendAt = { iteration?: number; call?: number };
export const SEND_AT: SendAt[] = [{ iteration: 2 }, { call: 12 }];
export const describeSendAt = (at: SendAt): string => (at.iteration !== undefined ? `after iteration ${at.iteration}` : `during call ${at.call}`);

/** Deep equality where every number, in typed arrays or not, must be the same bits (Object.is: −0 and 0 differ, NaN equals NaN). */
export function assertSameValues(got: unknown, want: unknown, what: string): void {
  if (typeof want === 'number') {
    assert.ok(Object.is(got, want), `${what} is ${String(got)}, want ${want}`);
  } else if (ArrayBuffer.isView(want) || Array.isArray(want)) {
    const g = got as ArrayLike<unknown>, w = want as ArrayLike<unknown>;
    assert.equal(g.length, w.length, `${what}: length`);
    for (let i = 0; i < w.length; i++) assertSameValues(g[i], w[i], `${what}[${i}]`);
  } else if (typeof want === 'object' && want !== null) {
    assert.deepEqual(Object.keys(got as object).sort(), Object.keys(want).sort(), `${what}: keys`);
    for (const [key, value] of Object.entries(want)) assertSameValues((got as Record<string, unknown>)[key], value, `${what}.${key}`);
  } else {
    assert.equal(got, want, what);
  }
}

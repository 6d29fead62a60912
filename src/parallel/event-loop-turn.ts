/**
 * One turn of a message worker's event loop (a browser's Web Worker, or the same bundle in a
 * Node thread), so that its host's messages are handled between slices of a run: a
 * MessageChannel round trip (a browser queues each message as a task of its own, in order),
 * and every TIMER_EVERY turns a timer, for an engine that drains a port's messages before it
 * looks at others (Node does, up to a thousand): a cancel is then heard within a few slices
 * there too, at the cost of one timer's clamp (≤ 4 ms) per TIMER_EVERY slices.
 */

/** A browser's MessagePort (Node's types, in scope here, declare Node's own). */
interface BrowserPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
}

const TIMER_EVERY = 8;

/** A function that gives the event loop one turn each call (one channel per worker). */
export function eventLoopTurns(): () => Promise<void> {
  const turns = new MessageChannel() as unknown as { readonly port1: BrowserPort; readonly port2: BrowserPort };
  let turnEnded: (() => void) | undefined;
  let turnCount = 0;
  turns.port1.onmessage = () => turnEnded?.();
  return () =>
    new Promise((resolve) => {
      if (++turnCount % TIMER_EVERY === 0) {
        setTimeout(resolve, 0);
        return;
      }
      turnEnded = resolve;
      turns.port2.postMessage(0);
    });
}

/**
 * A message worker's inbox (the browser's training and debug workers): only this extension's
 * host talks to its worker, so anything without a `type` is not a message of ours and is
 * dropped; a handler that throws, or a promise nobody awaited that rejects, goes to `fail`
 * (one line to the host, never a dead worker with no word).
 */

/** The part of a dedicated worker's global scope used here (this project's lib settings have no DOM). */
export interface MessageWorkerScope<W> {
  postMessage(message: W): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { readonly reason: unknown }) => void): void;
}

export function listenToHost<H extends { readonly type: string }>(scope: MessageWorkerScope<unknown>, handle: (message: H) => void, fail: (error: unknown) => void): void {
  scope.addEventListener('message', (event) => {
    const message = event.data as H | null;
    if (message === null || typeof message !== 'object' || typeof message.type !== 'string') return;
    try {
      handle(message);
    } catch (error) {
      fail(error);
    }
  });
  scope.addEventListener('unhandledrejection', (event) => fail(event.reason));
}

/** An answer the worker asked its host for, arriving as a later message (one asked at a time; one that was never asked for is dropped). */
export class AwaitedAnswer<T> {
  private resolve: ((value: T) => void) | undefined;

  /** Sends nothing: call it just before posting the request. */
  wait(): Promise<T> {
    return new Promise((resolve) => (this.resolve = resolve));
  }

  arrive(value: T): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    resolve?.(value);
  }
}

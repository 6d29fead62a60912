import { SNAPSHOT_EXAMPLE, SNAPSHOT_WANTED } from '../../protocol/worker-protocol';

/** A follower's hold on a spec's training snapshots; `dispose` lets go. */
export interface SnapshotSubscription {
  /** Traces another training example (0-based) from now on; this follower becomes the latest. */
  select(example: number): void;
  dispose(): void;
}

/**
 * A training's snapshot words (WorkerJob's `snapshotControl`), shared with its worker. A
 * host without SharedArrayBuffer (the browser's, not cross-origin isolated) keeps them in
 * plain memory: Atomics still read and write them, and its worker is told by message.
 */
export function createSnapshotWords(): Int32Array {
  const bytes = 2 * Int32Array.BYTES_PER_ELEMENT;
  return new Int32Array(typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

interface Follower {
  example: number;
}

/**
 * Who follows the snapshots of which spec, and the snapshot words of its running trainings,
 * kept in step: a spec's words say "wanted" while at least one follower holds on, and trace
 * the example of the latest one to subscribe or select. The only writer of those words.
 */
export class SnapshotFollowers {
  /** Per spec (its URI string), its followers from the oldest to the latest. */
  private readonly followers = new Map<string, Follower[]>();
  /** Per spec, the words of its running trainings. */
  private readonly words = new Map<string, Set<Int32Array>>();

  follow(spec: string, example: number): SnapshotSubscription {
    const follower: Follower = { example };
    let following = true;
    this.addFollower(spec, follower);
    this.write(spec);
    return {
      select: (next) => {
        if (!following) return;
        follower.example = next;
        // The latest choice wins: move this follower to the end.
        this.removeFollower(spec, follower);
        this.addFollower(spec, follower);
        this.write(spec);
      },
      dispose: () => {
        following = false;
        this.removeFollower(spec, follower);
        this.write(spec);
      },
    };
  }

  /** Keeps a training's `words` in step with its spec's followers, from now until `release` is called. */
  attach(spec: string, words: Int32Array): { release(): void } {
    const set = this.words.get(spec) ?? new Set<Int32Array>();
    set.add(words);
    this.words.set(spec, set);
    this.writeInto(spec, words);
    return {
      release: () => {
        set.delete(words);
        if (set.size === 0 && this.words.get(spec) === set) this.words.delete(spec);
      },
    };
  }

  /** The example traced for `spec`, or undefined when nobody follows it. */
  exampleFor(spec: string): number | undefined {
    return this.followers.get(spec)?.at(-1)?.example;
  }

  private write(spec: string): void {
    for (const words of this.words.get(spec) ?? []) this.writeInto(spec, words);
  }

  private writeInto(spec: string, words: Int32Array): void {
    const example = this.exampleFor(spec);
    // The example first: a worker that sees "wanted" then reads an example that is current.
    Atomics.store(words, SNAPSHOT_EXAMPLE, example ?? 0);
    Atomics.store(words, SNAPSHOT_WANTED, example === undefined ? 0 : 1);
  }

  private addFollower(spec: string, follower: Follower): void {
    const list = this.followers.get(spec) ?? [];
    list.push(follower);
    this.followers.set(spec, list);
  }

  private removeFollower(spec: string, follower: Follower): void {
    const list = this.followers.get(spec);
    if (!list) return;
    const at = list.indexOf(follower);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.followers.delete(spec);
  }
}

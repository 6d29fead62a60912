/**
 * A typed array that grows by whole blocks, for values whose count is known only at the
 * end (the cells of a CSV read as a stream). Growing one array by doubling would copy it at
 * every step and hold up to three times its values at once; blocks are never copied while
 * they fill, and `toArray` copies them once into an array of the exact length, releasing
 * each block as it goes: at most the values twice, and only for that moment.
 */

type TypedArray = Float64Array | Int32Array;

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T;
}

/**
 * The first block's length; each next block doubles it, up to MAX_BLOCK (values, not bytes):
 * the last block's unfilled end is then at most 512 KiB of doubles (the memory estimate's
 * CSV_READ_BUFFERS counts it).
 */
const FIRST_BLOCK = 1024;
const MAX_BLOCK = 1 << 16;

export class TypedBlocks<T extends TypedArray> {
  private readonly full: T[] = [];
  private current: T;
  private used = 0;
  /** The number of values pushed. */
  length = 0;

  constructor(private readonly make: TypedArrayConstructor<T>) {
    this.current = new make(FIRST_BLOCK);
  }

  push(value: number): void {
    if (this.used === this.current.length) {
      this.full.push(this.current);
      this.current = new this.make(Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, this.current.length * 2)));
      this.used = 0;
    }
    this.current[this.used++] = value;
    this.length++;
  }

  /** Every value pushed, in order, in one array of the exact length; the blocks are released (the builder is empty after). */
  toArray(): T {
    const out = new this.make(this.length);
    let offset = 0;
    for (let b = 0; b < this.full.length; b++) {
      const block = this.full[b]!;
      out.set(block, offset);
      offset += block.length;
      // Let the block go before the next is copied.
      this.full[b] = undefined as unknown as T;
    }
    out.set(this.current.subarray(0, this.used), offset);
    this.full.length = 0;
    this.current = new this.make(0);
    this.used = 0;
    this.length = 0;
    return out;
  }
}

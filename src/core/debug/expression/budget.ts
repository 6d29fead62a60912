/**
 * The work one evaluation may do: every value it makes is at most MAX_ENTRIES entries, and
 * all its operations together at most MAX_WORK elementary operations. Operations ask before
 * they allocate or loop, so a refused one costs nothing.
 */
import { ExpressionFault } from './errors';
import { MAX_ENTRIES, MAX_WORK } from './limits';
import { shapeText } from './values';

/** A span of the text an operation answers for (its errors point there). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The budget of one evaluation. */
export class WorkBudget {
  private spent = 0;

  constructor(private readonly limit = MAX_WORK, private readonly maxEntries = MAX_ENTRIES) {}

  /** Charges `operations` elementary operations to the evaluation; a 'too-large' error at `span` past the limit. */
  spend(operations: number, span: Span): void {
    this.spent += operations;
    if (this.spent > this.limit) {
      throw new ExpressionFault('too-large', `the evaluation needs more than ${this.limit.toLocaleString('en-US')} operations`, span.start, span.end);
    }
  }

  /**
   * A new rows × cols matrix's storage, refused ('too-large' at `span`) past MAX_ENTRIES
   * entries; `operations` (default one per entry) are charged first.
   */
  allocate(rows: number, cols: number, span: Span, operations = rows * cols): Float64Array {
    const entries = rows * cols;
    if (entries > this.maxEntries) {
      throw new ExpressionFault('too-large', `the result would be ${shapeText(rows, cols)} (${entries.toLocaleString('en-US')} entries); the limit is ${this.maxEntries.toLocaleString('en-US')}`, span.start, span.end);
    }
    this.spend(operations, span);
    return new Float64Array(entries);
  }
}

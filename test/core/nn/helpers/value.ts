/**
 * A scalar reverse-mode autodiff in the style of micrograd, independent of the network code:
 * every operation records its inputs and its local derivatives ∂out/∂input beside the forward
 * value; backward() walks the graph in reverse topological order applying the chain rule.
 */
export class Value {
  grad = 0;
  constructor(
    readonly data: number,
    private readonly parents: readonly Value[] = [],
    private readonly local: readonly number[] = [],
  ) {}

  static of(x: number | Value): Value {
    return x instanceof Value ? x : new Value(x);
  }

  add(o: number | Value): Value {
    const b = Value.of(o);
    return new Value(this.data + b.data, [this, b], [1, 1]);
  }
  sub(o: number | Value): Value {
    const b = Value.of(o);
    return new Value(this.data - b.data, [this, b], [1, -1]);
  }
  mul(o: number | Value): Value {
    const b = Value.of(o);
    return new Value(this.data * b.data, [this, b], [b.data, this.data]);
  }
  div(o: number | Value): Value {
    const b = Value.of(o);
    return new Value(this.data / b.data, [this, b], [1 / b.data, -this.data / (b.data * b.data)]);
  }
  neg(): Value {
    return new Value(-this.data, [this], [-1]);
  }
  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, [this], [e]);
  }
  log(): Value {
    return new Value(Math.log(this.data), [this], [1 / this.data]);
  }
  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, [this], [1 - t * t]);
  }
  relu(): Value {
    return new Value(this.data > 0 ? this.data : 0, [this], [this.data > 0 ? 1 : 0]);
  }

  /** Sets grad = ∂this/∂v for every v this depends on. */
  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>();
    const stack: [Value, boolean][] = [[this, false]];
    while (stack.length > 0) {
      const [v, expanded] = stack.pop()!;
      if (expanded) {
        order.push(v);
        continue;
      }
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push([v, true]);
      for (const p of v.parents) if (!seen.has(p)) stack.push([p, false]);
    }
    for (const v of order) v.grad = 0;
    this.grad = 1;
    for (let k = order.length - 1; k >= 0; k--) {
      const v = order[k]!;
      v.parents.forEach((p, i) => {
        p.grad += v.local[i]! * v.grad;
      });
    }
  }
}

/** Σ of values (0 for none). */
export function sum(values: readonly Value[]): Value {
  return values.reduce((s, v) => s.add(v), new Value(0));
}

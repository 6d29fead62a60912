/** The size of a network, counted exactly before anything is allocated. */
import { layerSchema } from './schema';
import { parseField } from './field-value';
import type { Reporter } from './reporter';

/**
 * Σ_l s_(l+1)·(s_l + 1): the entries of every Θ^(l), bias column included. In bigint so
 * that absurd sizes (units: 1e15) are counted exactly and instantly.
 */
export function parameterCount(units: readonly number[]): bigint {
  let total = 0n;
  for (let l = 0; l + 1 < units.length; l++) total += BigInt(units[l + 1]!) * (BigInt(units[l]!) + 1n);
  return total;
}

/** Reports too-many-parameters; returns the count when every layer's units are valid. */
export function checkParameters(r: Reporter, maxParameters: number): bigint | undefined {
  const layers = r.get(['layers']);
  if (!Array.isArray(layers) || layers.length < 2) return undefined;
  const units: number[] = [];
  for (const layer of layers) {
    const u = parseField(layerSchema.shape.units, (layer as { units?: unknown } | null)?.units);
    if (!u) return undefined;
    units.push(u.value);
  }
  const count = parameterCount(units);
  if (Number.isFinite(maxParameters) && count > BigInt(Math.max(0, Math.floor(maxParameters)))) {
    r.report(
      'too-many-parameters',
      `The network has ${groupDigits(count)} parameters, over the limit of ${groupDigits(BigInt(Math.floor(maxParameters)))}; use fewer or smaller layers.`,
      r.keyRange(['layers']),
    );
  }
  return count;
}

/** 1234567n → "1,234,567" (locale-independent). */
export function groupDigits(n: bigint): string {
  const s = (n < 0n ? -n : n).toString();
  const head = s.length % 3 || 3;
  let out = s.slice(0, head);
  for (let i = head; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return n < 0n ? `-${out}` : out;
}

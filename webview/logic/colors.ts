/**
 * Colours for canvas drawings, which cannot use CSS variables directly: the theme's colours
 * are read as strings and parsed here, then mixed for the decision boundary's heat map.
 */
export type Rgb = readonly [number, number, number];

/** #rgb, #rrggbb, #rrggbbaa, rgb(…) or rgba(…) → [r, g, b]; undefined if unreadable. */
export function parseColor(text: string): Rgb | undefined {
  const s = text.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [0, 1, 2].map((k) => parseInt(m![1]![k]!.repeat(2), 16)) as unknown as Rgb;
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s);
  if (m) return [0, 2, 4].map((k) => parseInt(m![1]!.slice(k, k + 2), 16)) as unknown as Rgb;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return undefined;
}

/** (1 − t)·base + t·over, rounded. */
export function mix(base: Rgb, over: Rgb, t: number): Rgb {
  const k = Math.min(1, Math.max(0, t));
  return [0, 1, 2].map((c) => Math.round(base[c]! * (1 - k) + over[c]! * k)) as unknown as Rgb;
}

/**
 * The heat-map colour of a cell: the class colour over the background, stronger the surer
 * the network is (confidence 1/classes → faint, 1 → 70 %).
 */
export function cellColor(background: Rgb, classColor: Rgb, confidence: number, classes: number): Rgb {
  const chance = 1 / Math.max(2, classes);
  const sure = (confidence - chance) / (1 - chance);
  return mix(background, classColor, 0.12 + 0.58 * Math.min(1, Math.max(0, sure)));
}

/** Maps a value in [lo, hi] onto [0, size) pixels; `flip` for y axes (up is smaller y). */
export function toPixel(v: number, lo: number, hi: number, size: number, flip = false): number {
  const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
  return (flip ? 1 - t : t) * size;
}

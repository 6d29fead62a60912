/** The sweep's plot as SVG: one log–log panel per sweep, a line per contender, a legend. */

export interface Series {
  readonly name: string;
  readonly points: { x: number; y: number }[];
}

const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#555555', '#9467bd'];
const W = 560, H = 400, PAD = { left: 70, right: 20, top: 40, bottom: 55 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panel(title: string, xLabel: string, series: readonly Series[], dx: number): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.x)), ys = series.flatMap((s) => s.points.map((p) => p.y));
  const lx0 = Math.floor(Math.log10(Math.min(...xs))), lx1 = Math.ceil(Math.log10(Math.max(...xs)));
  const ly0 = Math.floor(Math.log10(Math.min(...ys))), ly1 = Math.ceil(Math.log10(Math.max(...ys)));
  const pw = W - PAD.left - PAD.right, ph = H - PAD.top - PAD.bottom;
  const X = (x: number): number => dx + PAD.left + ((Math.log10(x) - lx0) / (lx1 - lx0 || 1)) * pw;
  const Y = (y: number): number => PAD.top + ph - ((Math.log10(y) - ly0) / (ly1 - ly0 || 1)) * ph;
  const out: string[] = [];
  out.push(`<text x="${dx + W / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`);
  out.push(`<rect x="${dx + PAD.left}" y="${PAD.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  for (let e = lx0; e <= lx1; e++) {
    const x = X(10 ** e);
    out.push(`<line x1="${x}" y1="${PAD.top}" x2="${x}" y2="${PAD.top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${x}" y="${PAD.top + ph + 18}" text-anchor="middle" font-size="12">${10 ** e >= 1 ? (10 ** e).toLocaleString('en-US') : 10 ** e}</text>`);
  }
  for (let e = ly0; e <= ly1; e++) {
    const y = Y(10 ** e);
    out.push(`<line x1="${dx + PAD.left}" y1="${y}" x2="${dx + PAD.left + pw}" y2="${y}" stroke="#eee"/>`);
    out.push(`<text x="${dx + PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="12">${10 ** e >= 1 ? (10 ** e).toLocaleString('en-US') : (10 ** e).toPrecision(1)}</text>`);
  }
  out.push(`<text x="${dx + PAD.left + pw / 2}" y="${H - 12}" text-anchor="middle" font-size="12">${esc(xLabel)}</text>`);
  out.push(`<text x="${dx + 16}" y="${PAD.top + ph / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${dx + 16} ${PAD.top + ph / 2})">ms per evaluation</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const d = s.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const p of s.points) out.push(`<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="3" fill="${color}"/>`);
    out.push(`<rect x="${dx + PAD.left + 10}" y="${PAD.top + 10 + i * 18}" width="12" height="3" fill="${color}"/>`);
    out.push(`<text x="${dx + PAD.left + 28}" y="${PAD.top + 15 + i * 18}" font-size="12">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

/** Two (or more) panels side by side, white background, sans-serif. */
export function renderSweepSvg(panels: readonly { title: string; xLabel: string; series: readonly Series[] }[]): string {
  const width = W * panels.length;
  const body = panels.map((p, i) => panel(p.title, p.xLabel, p.series, i * W)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${body}\n</svg>\n`;
}

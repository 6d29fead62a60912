// Draws media/icon.png (128 × 128): a small 3-4-2 network, its edges and units, on a dark
// tile. Plain Node (zlib) so the icon can be rebuilt anywhere: `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Float64Array(N * N * 4);
const paint = (x, y, rgb, alpha) => {
  if (x < 0 || y < 0 || x >= N || y >= N) return;
  const k = (y * N + x) * 4;
  for (let c = 0; c < 3; c++) px[k + c] = px[k + c] * (1 - alpha) + rgb[c] * alpha;
  px[k + 3] = Math.min(1, px[k + 3] + alpha);
};
// Supersampled shapes: coverage of each pixel by 4 × 4 samples.
const shape = (inside, rgb) => {
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
    let hits = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
    if (hits) paint(x, y, rgb, hits / 16);
  }
};
const tile = [30, 34, 48];
shape((x, y) => {
  const r = 22, cx = Math.min(Math.max(x, r), N - r), cy = Math.min(Math.max(y, r), N - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}, tile);
const layers = [3, 4, 2].map((n, l) => Array.from({ length: n }, (_, i) => [26 + l * 38, 64 + (i - (n - 1) / 2) * 24]));
const segment = (a, b, w) => (x, y) => {
  const [ax, ay] = a, [bx, by] = b, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
};
const colours = [[86, 156, 214], [229, 129, 95]];
for (let l = 0; l + 1 < layers.length; l++)
  for (const [i, a] of layers[l].entries()) for (const [j, b] of layers[l + 1].entries()) shape(segment(a, b, 0.6 + ((i + j) % 3) * 0.45), colours[(i + j) % 2]);
for (const layer of layers) for (const [cx, cy] of layer) {
  shape((x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= 8 * 8, [240, 240, 240]);
  shape((x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= 5.5 * 5.5, [78, 201, 176]);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N * 4; x++) raw[y * (N * 4 + 1) + 1 + x] = Math.round(px[y * N * 4 + x] * (x % 4 === 3 ? 255 : 1));
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(N, 0); header.writeUInt32BE(N, 4); header[8] = 8; header[9] = 6;
writeFileSync(new URL('../media/icon.png', import.meta.url), Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));

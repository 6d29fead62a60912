import type { CurveGrid, PlaneGrid } from '../../src/protocol/inspector-data';
import { el, themeColor } from '../dom';
import { cellColor, parseColor, toPixel, type Rgb } from '../logic/colors';

const CLASS_COLORS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];
const FALLBACK: Rgb = [128, 128, 128];
const SIZE = 320;

/**
 * The decision boundary: for two input features, the predicted class over the plane as a
 * heat map (stronger where the network is surer) with the training points filled and the
 * validation points as rings; for a one-input regression, the prediction curve over the data.
 */
export class BoundaryView {
  private readonly canvas = el('canvas', 'boundary');
  private readonly cells = document.createElement('canvas');
  private readonly caption = el('p', 'caption', 'Shown for two input features (classification) or one input (regression).');

  constructor(host: HTMLElement) {
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = SIZE * ratio;
    this.canvas.height = SIZE * ratio;
    this.canvas.style.width = `${SIZE}px`;
    this.canvas.style.height = `${SIZE}px`;
    this.canvas.setAttribute('role', 'img');
    this.canvas.hidden = true;
    host.append(this.caption, this.canvas);
  }

  draw(grid: PlaneGrid | CurveGrid | undefined, iteration: number | undefined): void {
    this.canvas.hidden = !grid;
    if (!grid) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const ratio = this.canvas.width / SIZE;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const bg = parseColor(themeColor('--vscode-editor-background', '#1e1e1e')) ?? FALLBACK;
    const fg = themeColor('--vscode-foreground', '#cccccc');
    const colors = CLASS_COLORS.map((name) => parseColor(themeColor(name, '#888888')) ?? FALLBACK);
    ctx.fillStyle = `rgb(${bg.join(',')})`;
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (grid.kind === 'plane') this.plane(ctx, grid, bg, colors, fg);
    else this.curve(ctx, grid, colors, fg);
    const at = iteration !== undefined ? ` at iteration ${iteration}` : '';
    this.caption.textContent = grid.kind === 'plane' ? `Predicted class over the input plane${at} (normalised features; rings: validation).` : `Prediction h(x) over the data${at} (rings: validation).`;
    this.canvas.setAttribute('aria-label', this.caption.textContent);
    this.canvas.dataset['drawn'] = grid.kind;
  }

  private plane(ctx: CanvasRenderingContext2D, g: PlaneGrid, bg: Rgb, colors: Rgb[], fg: string): void {
    // One pixel per cell on a small canvas, scaled up smoothly: the boundary reads as a curve, not stairs.
    if (this.cells.width !== g.nx || this.cells.height !== g.ny) {
      this.cells.width = g.nx;
      this.cells.height = g.ny;
    }
    const small = this.cells.getContext('2d');
    if (!small) return;
    const image = small.createImageData(g.nx, g.ny);
    for (let r = 0; r < g.ny; r++) {
      for (let c = 0; c < g.nx; c++) {
        const p = r * g.nx + c;
        const rgb = cellColor(bg, colors[g.cls[p]! % colors.length]!, g.confidence[p]!, g.classes);
        // Row 0 is y0, at the bottom of the picture.
        const o = ((g.ny - 1 - r) * g.nx + c) * 4;
        image.data.set([rgb[0], rgb[1], rgb[2], 255], o);
      }
    }
    small.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.cells, 0, 0, SIZE, SIZE);
    for (const point of g.points) {
      const x = toPixel(point.x, g.x0, g.x1, SIZE), y = toPixel(point.y, g.y0, g.y1, SIZE, true);
      this.dot(ctx, x, y, colors[point.label % colors.length]!, fg, point.split === 'validation');
    }
  }

  private curve(ctx: CanvasRenderingContext2D, g: CurveGrid, colors: Rgb[], fg: string): void {
    const ys = [...g.ys, ...g.points.map((p) => p.y)];
    let lo = Math.min(...ys), hi = Math.max(...ys);
    const pad = (hi - lo) * 0.08 || 1;
    lo -= pad;
    hi += pad;
    const x0 = g.xs[0] ?? 0, x1 = g.xs.at(-1) ?? 1;
    for (const point of g.points) this.dot(ctx, toPixel(point.x, x0, x1, SIZE), toPixel(point.y, lo, hi, SIZE, true), colors[0]!, fg, point.split === 'validation');
    ctx.strokeStyle = `rgb(${colors[1]!.join(',')})`;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    g.xs.forEach((x, k) => {
      const px = toPixel(x, x0, x1, SIZE), py = toPixel(g.ys[k]!, lo, hi, SIZE, true);
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.stroke();
  }

  private dot(ctx: CanvasRenderingContext2D, x: number, y: number, color: Rgb, outline: string, ring: boolean): void {
    ctx.beginPath();
    ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
    ctx.lineWidth = ring ? 2 : 1;
    if (ring) {
      ctx.strokeStyle = `rgb(${color.join(',')})`;
    } else {
      ctx.fillStyle = `rgb(${color.join(',')})`;
      ctx.fill();
      ctx.strokeStyle = outline;
    }
    ctx.stroke();
  }
}

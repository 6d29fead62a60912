import type { TrainingProgress } from '../src/core/train/progress';

const SVG = 'http://www.w3.org/2000/svg';

/** The cost curve J per iteration, redrawn at most once per animation frame. */
export class CostCurve {
  private points: { x: number; y: number }[] = [];
  private scheduled = false;
  private readonly svg = document.createElementNS(SVG, 'svg');
  private readonly line = document.createElementNS(SVG, 'polyline');
  private readonly caption = document.createElement('p');

  constructor(host: HTMLElement) {
    this.svg.setAttribute('viewBox', '0 0 400 150');
    this.svg.setAttribute('class', 'cost');
    this.line.setAttribute('fill', 'none');
    this.svg.append(this.line);
    host.append(this.caption, this.svg);
  }

  reset(): void {
    this.points = [];
    this.draw();
  }

  add(p: TrainingProgress): void {
    if (!Number.isFinite(p.cost)) return;
    this.points.push({ x: p.iteration, y: p.cost });
    this.caption.textContent = `iteration ${p.iteration}/${p.maxIterations}: J = ${p.cost.toPrecision(5)}`;
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => {
        this.scheduled = false;
        this.draw();
      });
    }
  }

  finish(reason: string): void {
    this.caption.textContent = `${this.caption.textContent ?? ''} (${reason})`;
  }

  private draw(): void {
    this.svg.setAttribute('data-points', String(this.points.length));
    if (this.points.length === 0) {
      this.line.setAttribute('points', '');
      return;
    }
    const xs = this.points.map((p) => p.x), ys = this.points.map((p) => p.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1), y0 = Math.min(...ys), y1 = Math.max(...ys, y0 + 1e-12);
    this.line.setAttribute('points', this.points.map((p) => `${(((p.x - x0) / (x1 - x0)) * 390 + 5).toFixed(1)},${(145 - ((p.y - y0) / (y1 - y0)) * 140).toFixed(1)}`).join(' '));
  }
}

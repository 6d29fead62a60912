import { el } from '../dom';

/** One floating tooltip for the diagram and canvases: lines of text near the pointer. */
export class Tooltip {
  private readonly node = el('div', 'tooltip');

  constructor(host: HTMLElement) {
    this.node.setAttribute('role', 'tooltip');
    this.node.hidden = true;
    host.append(this.node);
  }

  show(lines: readonly string[], x: number, y: number): void {
    this.node.replaceChildren(...lines.map((line) => el('div', undefined, line)));
    this.node.hidden = false;
    const maxX = window.innerWidth - this.node.offsetWidth - 8;
    this.node.style.left = `${Math.max(4, Math.min(x + 12, maxX))}px`;
    this.node.style.top = `${y + 12 + window.scrollY}px`;
  }

  hide(): void {
    this.node.hidden = true;
  }
}

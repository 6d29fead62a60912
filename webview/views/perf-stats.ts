import { el } from '../dom';

/**
 * How the webview keeps up while a network trains: messages received per second and the
 * longest gap between animation frames. Published as data attributes of a hidden element,
 * for the benchmark to read; measured only between training-started and -finished.
 */
export class PerfStats {
  private readonly node = el('output', 'perf');
  private messages = 0;
  private started = 0;
  private lastFrame = 0;
  private maxFrame = 0;
  private running = false;

  constructor(host: HTMLElement) {
    this.node.id = 'perf';
    this.node.hidden = true;
    host.append(this.node);
  }

  start(): void {
    this.messages = 0;
    this.maxFrame = 0;
    this.started = performance.now();
    this.lastFrame = this.started;
    if (!this.running) {
      this.running = true;
      requestAnimationFrame((t) => this.frame(t));
    }
  }

  message(): void {
    if (this.running) this.messages++;
  }

  stop(): void {
    this.running = false;
    this.publish();
  }

  private frame(t: number): void {
    if (!this.running) return;
    this.maxFrame = Math.max(this.maxFrame, t - this.lastFrame);
    this.lastFrame = t;
    if (this.messages % 10 === 0) this.publish();
    requestAnimationFrame((next) => this.frame(next));
  }

  private publish(): void {
    const seconds = (performance.now() - this.started) / 1000;
    this.node.dataset['messages'] = String(this.messages);
    this.node.dataset['rate'] = seconds > 0 ? (this.messages / seconds).toFixed(2) : '0';
    this.node.dataset['maxFrameMs'] = this.maxFrame.toFixed(1);
    this.node.dataset['running'] = String(this.running);
  }
}

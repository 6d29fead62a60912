import { el } from '../dom';

type TextField = HTMLElement & { value: string };

/** The training example whose a, z and δ are shown: a number field with previous / next buttons. */
export class ExamplePicker {
  readonly root = el('div', 'picker');
  private readonly field = el('vscode-textfield') as TextField;
  private readonly count = el('span', 'caption');
  private max = 1;
  private value = 0;

  constructor(private readonly onChange: (example: number) => void) {
    const label = el('label', undefined, 'Example ');
    this.field.setAttribute('type', 'number');
    this.field.setAttribute('min', '1');
    this.field.setAttribute('aria-label', 'Training example to trace (1-based)');
    this.field.value = '1';
    label.append(this.field);
    const prev = this.button('‹', 'Previous example', -1);
    const next = this.button('›', 'Next example', 1);
    this.field.addEventListener('change', () => this.pick(Number(this.field.value) - 1));
    this.root.append(label, prev, next, this.count);
  }

  setRange(examples: number, current: number): void {
    this.max = Math.max(1, examples);
    this.value = Math.min(current, this.max - 1);
    this.field.setAttribute('max', String(this.max));
    this.field.value = String(this.value + 1);
    this.count.textContent = `of ${examples}`;
  }

  /** Shows `example` (0-based) as the current one without asking for it (the debugger chose it). */
  show(example: number): void {
    this.value = Math.min(Math.max(0, example), this.max - 1);
    this.field.value = String(this.value + 1);
  }

  private button(text: string, label: string, step: number): HTMLElement {
    const b = el('vscode-button', undefined, text);
    b.setAttribute('secondary', '');
    b.setAttribute('aria-label', label);
    b.addEventListener('click', () => this.pick(this.value + step));
    return b;
  }

  private pick(example: number): void {
    if (!Number.isInteger(example)) return;
    const clamped = Math.min(Math.max(0, example), this.max - 1);
    this.field.value = String(clamped + 1);
    if (clamped === this.value) return;
    this.value = clamped;
    this.onChange(clamped);
  }
}

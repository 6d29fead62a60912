/**
 * The network inspector's script. Everything it shows arrives by postMessage from the host
 * (typed in src/protocol/inspector-protocol.ts); nothing is interpolated into HTML: the DOM
 * is built with createElement and textContent.
 */
import './main.css';
import type { InspectorMessage } from '../src/protocol/inspector-protocol';
import { renderCheck } from './render-check';
import { CostCurve } from './cost-curve';
import { renderDiagram } from './render-diagram';
import { vscode } from './vscode-api';

const app = document.getElementById('app')!;
const banner = el('div', 'banner');
const title = el('h1');
const diagram = el('section', 'diagram');
const curveSection = el('section', 'curve');
const checkSection = el('section', 'check');
app.append(title, banner, diagram, curveSection, checkSection);
const curve = new CostCurve(curveSection);

window.addEventListener('message', (event: MessageEvent<InspectorMessage>) => handle(event.data));
vscode.postMessage({ type: 'ready' });

function handle(message: InspectorMessage): void {
  switch (message.type) {
    case 'spec':
      title.textContent = message.file;
      vscode.setState({ file: message.file });
      banner.textContent = message.valid ? '' : `The spec has ${message.errors} error${message.errors === 1 ? '' : 's'}; showing the last valid network.`;
      banner.hidden = message.valid;
      if (message.layers) renderDiagram(diagram, message.layers, message.total ?? 0);
      return;
    case 'training-started':
      curve.reset();
      return;
    case 'progress':
      curve.add(message.progress);
      return;
    case 'training-finished':
      curve.finish(message.reason);
      return;
    case 'gradient-check':
      renderCheck(checkSection, message.report);
      return;
    default: {
      const never: never = message;
      return never;
    }
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

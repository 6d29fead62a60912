/** DOM helpers: every node is built with createElement and textContent, never from HTML strings. */
const SVG_NS = 'http://www.w3.org/2000/svg';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  return node;
}

/** A titled section with a body; `stale` marks results of an older spec. */
export function section(className: string, title: string): { root: HTMLElement; body: HTMLElement; heading: HTMLElement; setStale(stale: boolean): void } {
  const root = el('section', className);
  const heading = el('h2', undefined, title);
  const badge = el('span', 'stale-badge', 'stale: the spec changed since');
  badge.hidden = true;
  heading.append(' ', badge);
  const body = el('div', 'body');
  root.append(heading, body);
  return {
    root,
    body,
    heading,
    setStale(stale: boolean) {
      root.classList.toggle('stale', stale);
      badge.hidden = !stale;
    },
  };
}

/** A CSS variable of the theme, as the browser resolves it. */
export function themeColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

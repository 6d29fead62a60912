/**
 * A cheap upper bound on how deeply a YAML text nests, computed before parsing: the yaml
 * package parses recursively, and a hostile document ("[[[[…" or "- - - - …" thousands
 * deep) would exhaust the stack. Specs nest about 4 deep; anything past the limit is
 * refused with a diagnostic instead of being parsed.
 */

/** The offset where the nesting first exceeds `limit`, or undefined when it never does. */
export function excessiveNesting(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  let compact = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      lineStart = true;
      indent = 0;
      compact = 0;
      if (quote === "'" || quote === '"') continue; // quoted scalars may span lines
      continue;
    }
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t') {
        indent++;
        continue;
      }
      if (c === '#') {
        i = skipLine(text, i);
        continue;
      }
      lineStart = false;
      // A block level: indentation deeper than every open one.
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    if ((c === '-' || c === '?' || c === ':') && (text[i + 1] === ' ' || text[i + 1] === undefined)) compact++;
    else if (c === '[' || c === '{') flow++;
    else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    else if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? ' ')) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) i = skipLine(text, i);
    if (indents.length + compact + flow > limit) return i;
  }
  return undefined;
}

function skipLine(text: string, i: number): number {
  let j = i;
  while (j + 1 < text.length && text[j + 1] !== '\n' && text[j + 1] !== '\r') j++;
  return j;
}

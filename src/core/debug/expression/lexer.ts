/**
 * The lexer: text → tokens, each with its [start, end) offsets. Numbers are float64 literals
 * (`3`, `0.5`, `.5`, `1e-4`; `1.*2` is `1 .* 2`, as in Octave); names are ASCII letters,
 * digits and `_`, starting with a letter or `_`; `and or not end` are keywords. There are no
 * strings: `'` is always the transpose.
 */
import { ExpressionFault } from './errors';

/** The operators and punctuation, longest first where one is a prefix of another. */
const SYMBOLS = ['.*', './', '.^', ".'", '<=', '>=', '==', '!=', '~=', '&&', '||',
  '+', '-', '*', '/', '^', '%', "'", '(', ')', '[', ']', ',', ':', '<', '>', '='] as const;

/** The words with a meaning of their own. */
export const KEYWORDS = ['and', 'or', 'not', 'end'] as const;

/** One token. `op` covers symbols and keywords; `text` is the token as written (`~=` is given as `!=`). */
export type Token =
  | { readonly kind: 'number'; readonly text: string; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'name' | 'op' | 'eof'; readonly text: string; readonly start: number; readonly end: number };

/** Characters that have a hint of their own when met alone. */
const HINTS: Readonly<Record<string, string>> = {
  '!': "write 'not' for negation (and '!=' for 'not equal')",
  '&': "write 'and' (or '&&')",
  '|': "write 'or' (or '||')",
  '"': 'there are no strings in expressions',
  '{': "braces are not part of expressions ('{expr}' interpolates only in log messages)",
  '}': "braces are not part of expressions ('{expr}' interpolates only in log messages)",
};

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);

/** The tokens of text[start, end), ending with an `eof` token at `end`; throws an ExpressionFault on a character it does not know. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (isDigit(c) || (c === 46 && i + 1 < end && isDigit(text.charCodeAt(i + 1)))) {
      const at = i;
      i = scanNumber(text, i, end);
      const literal = text.slice(at, i);
      tokens.push({ kind: 'number', text: literal, value: Number(literal.endsWith('.') ? literal.slice(0, -1) : literal), start: at, end: i });
      continue;
    }
    if (isNameStart(c)) {
      const at = i;
      while (i < end && isNamePart(text.charCodeAt(i))) i++;
      const word = text.slice(at, i);
      tokens.push({ kind: (KEYWORDS as readonly string[]).includes(word) ? 'op' : 'name', text: word, start: at, end: i });
      continue;
    }
    const symbol = SYMBOLS.find((s) => i + s.length <= end && text.startsWith(s, i));
    if (symbol !== undefined) {
      tokens.push({ kind: 'op', text: symbol === '~=' ? '!=' : symbol, start: i, end: i + symbol.length });
      i += symbol.length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const hint = HINTS[ch];
    throw new ExpressionFault('syntax', `unexpected character '${ch}'${hint ? `: ${hint}` : ''}`, i, i + ch.length);
  }
  tokens.push({ kind: 'eof', text: '', start: end, end });
  return tokens;
}

/** The end of the number literal starting at i. */
function scanNumber(text: string, i: number, end: number): number {
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i < end && text.charCodeAt(i) === 46) {
    const next = i + 1 < end ? text[i + 1]! : '';
    // `1.*2` is 1 .* 2 and `1.'` is 1 .' : the dot belongs to the operator.
    if (!'*/^\''.includes(next) || next === '') {
      i++;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
    }
  }
  if (i < end && (text[i] === 'e' || text[i] === 'E')) {
    let j = i + 1;
    if (j < end && (text[j] === '+' || text[j] === '-')) j++;
    if (j < end && isDigit(text.charCodeAt(j))) {
      while (j < end && isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

/**
 * A breakpoint's hit count, as VS Code's Breakpoints view takes it: `5` or `>= 5` (from the
 * fifth hit on), `== 5`, `> 5`, `< 5`, `<= 5`, or `% 5` (every fifth hit).
 */
export interface HitCondition {
  holds(hits: number): boolean;
}

export function parseHitCondition(text: string): { ok: true; value: HitCondition } | { ok: false; message: string } {
  const match = /^\s*(>=|==|=|>|<=|<|%)?\s*(\d{1,9})\s*$/.exec(text);
  if (!match) return { ok: false, message: `Hit count: "${text.slice(0, 40)}" is not a count; write e.g. 5, >= 5, == 5 or % 5.` };
  const n = Number(match[2]);
  switch (match[1] ?? '>=') {
    case '>=':
      return { ok: true, value: { holds: (h) => h >= n } };
    case '==':
    case '=':
      return { ok: true, value: { holds: (h) => h === n } };
    case '>':
      return { ok: true, value: { holds: (h) => h > n } };
    case '<=':
      return { ok: true, value: { holds: (h) => h <= n } };
    case '<':
      return { ok: true, value: { holds: (h) => h < n } };
    default:
      return n === 0 ? { ok: false, message: 'Hit count: % 0 never holds; write % 1 or more.' } : { ok: true, value: { holds: (h) => h % n === 0 } };
  }
}

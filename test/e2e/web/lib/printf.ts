// printf-style formatting for mocha's reporters, which log ('%s', title): VS Code forwards
// console arguments joined by commas, and a web worker has no node:util to format them.

/** Formats like Node's util.format for %s %d %i %f %j %o %O %%; extra arguments follow, space-separated. */
export function format(...values: unknown[]): string {
  const [template, ...args] = values;
  if (typeof template !== 'string') return values.map(String).join(' ');
  if (args.length === 0) return template; // as Node: no substitution at all, %% included
  let next = 0;
  const text = template.replace(/%([sdifjoO%])/g, (whole, directive: string) => {
    if (directive === '%') return '%';
    if (next >= args.length) return whole;
    const arg = args[next++];
    switch (directive) {
      case 'd':
      case 'f':
        return String(Number(arg));
      case 'i':
        return String(Number.parseInt(String(arg), 10));
      case 'j':
      case 'o':
      case 'O':
        return JSON.stringify(arg) ?? String(arg);
      default:
        return String(arg);
    }
  });
  return [text, ...args.slice(next).map(String)].join(' ');
}

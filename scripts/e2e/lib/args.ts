// A small argv parser for the runners: `--name value`, `--flag`, and `--name=value`.

export interface ParsedArgs {
  values: Map<string, string>;
  flags: Set<string>;
}

/** Parses argv; `flagNames` are the options that take no value. Unknown options throw. */
export function parseArgs(argv: string[], valueNames: string[], flagNames: string[]): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagNames.includes(name)) {
      flags.add(name);
    } else if (valueNames.includes(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new Error(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new Error(`unknown option --${name}`);
    }
  }
  return { values, flags };
}

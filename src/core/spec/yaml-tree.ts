/**
 * Text → a plain value plus the source range of every key and value in it, by path.
 * The yaml package parses (keeping ranges); our own walk converts, so that we control
 * aliases (no exponential expansion), odd keys (`__proto__`, collections) and depth.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic, OffsetRange } from '../diagnostic';
import { severityOf, type SpecCode } from './codes';
import { excessiveNesting } from './nesting';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Where a value (and its key, for mapping entries) sits in the text. */
export interface SourceEntry {
  readonly path: Path;
  /** The value's range; zero-width for an empty value (`key:` with nothing after it). */
  readonly value: OffsetRange;
  /** The key's range, for values of a mapping. */
  readonly key?: OffsetRange;
}

export interface SourceTree {
  /** The document as plain data: objects, arrays, strings, numbers, booleans, null. */
  readonly value: unknown;
  /** Every value's location, by `pathKey(path)`. */
  readonly entries: ReadonlyMap<string, SourceEntry>;
  readonly diagnostics: Diagnostic<SpecCode>[];
  /** True when the YAML itself is broken (not merely a duplicate key). */
  readonly syntaxErrors: boolean;
}

/** The map key of a path. Map keys are strings and list indices numbers, so no two paths collide. */
export function pathKey(path: Path): string {
  return path.join('\u0000');
}

/** Aliases expanded beyond this count are an error (a "billion laughs" document). */
const MAX_ALIAS_EXPANSIONS = 1000;
/**
 * Values copied through aliases beyond this count are an error too: a few aliases of one
 * wide anchor (`*a` of 20,000 items, used 1,000 times) would otherwise build millions of
 * values from a document of a hundred kilobytes.
 */
const MAX_ALIASED_VALUES = 100_000;
/** Deeper documents are refused before parsing (see nesting.ts); specs nest about 4 deep. */
const MAX_DEPTH = 64;

export function parseSourceTree(text: string): SourceTree {
  const deep = excessiveNesting(text, MAX_DEPTH);
  if (deep !== undefined) {
    const diagnostic: Diagnostic<SpecCode> = {
      code: 'yaml-syntax',
      severity: severityOf('yaml-syntax'),
      message: `The document nests more than ${MAX_DEPTH} levels deep; a spec needs only a few.`,
      range: [deep, Math.min(deep + 1, text.length)],
    };
    return { value: null, entries: new Map(), diagnostics: [diagnostic], syntaxErrors: true };
  }
  // Duplicate keys are found by the walk below (over the whole key), so the parser need not look.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, version: '1.2' });
  const diagnostics: Diagnostic<SpecCode>[] = [];
  let syntaxErrors = false;
  for (const e of doc.errors) {
    syntaxErrors = true;
    diagnostics.push(yamlDiagnostic('yaml-syntax', e, text));
  }
  for (const w of doc.warnings) diagnostics.push(yamlDiagnostic('yaml-warning', w, text));

  const walker = new Walker(doc, text, diagnostics);
  const root = doc.contents as Node | null;
  const value = walker.convert(root, [], root ? walker.rangeOf(root) : [0, 0], undefined, 0);
  return { value, entries: walker.entries, diagnostics, syntaxErrors };
}

/** Our wording for the parser's messages that would confuse a spec author. */
const MESSAGES: Partial<Record<string, string>> = {
  MULTIPLE_DOCS: 'A spec is a single YAML document: remove this `---` and what follows, or move it to its own file.',
};

function yamlDiagnostic(code: SpecCode, error: YAMLError, text: string): Diagnostic<SpecCode> {
  const length = text.length;
  const [start, end] = error.pos;
  // The parser appends "at line L, column C" (the CLI and editor show positions themselves).
  const message = MESSAGES[error.code] ?? error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  const s = Math.min(Math.max(0, start), length);
  let e = Math.min(Math.max(s, end), length);
  while (e > s + 1 && /\s/.test(text[e - 1] ?? '')) e--;
  return { code, severity: severityOf(code), message: sentence(message), range: [s, e] };
}

function sentence(s: string): string {
  const t = s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : 'Invalid YAML';
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

class Walker {
  readonly entries = new Map<string, SourceEntry>();
  private aliasExpansions = 0;
  private aliasedValues = 0;
  private aliasLimitReported = false;
  /** Where the alias being expanded (the outermost one) is written: limits are reported there. */
  private aliasSite: OffsetRange | undefined;
  /** What each alias refers to, found in one pass (Alias.resolve walks the whole document per call). */
  private targets: Map<Alias, Node> | undefined;
  private readonly expanding = new Set<Node>();

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly diagnostics: Diagnostic<SpecCode>[],
  ) {}

  /** A node's [start, end) without the line breaks and blanks a block collection ends with. */
  rangeOf(node: { range?: readonly number[] | null }): OffsetRange {
    const r = node.range;
    if (!r || r.length < 2) return [0, 0];
    // In error recovery the parser may give a range past the end of the text.
    const length = this.text.length;
    const start = Math.min(Math.max(0, r[0]!), length);
    let end = Math.min(Math.max(start, r[1]!), length);
    while (end > start && this.text.charCodeAt(end - 1) <= 32) end--;
    return [start, end];
  }

  /** Converts `node` (at `path`) and records its location. */
  convert(node: unknown, path: PathSegment[], value: OffsetRange, key: OffsetRange | undefined, depth: number): unknown {
    if (this.expanding.size > 0 && ++this.aliasedValues > MAX_ALIASED_VALUES) {
      this.reportAliasLimit(this.aliasSite ?? value);
      return null;
    }
    this.entries.set(pathKey(path), key ? { path, value, key } : { path, value });
    if (node === null || node === undefined) return null;
    if (depth > MAX_DEPTH) {
      this.report('yaml-syntax', 'The document is nested too deeply.', value);
      return null;
    }
    if (isAlias(node)) return this.convertAlias(node, path, value, key, depth);
    if (isScalar(node)) return plain(node.value);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const keyRange = k ? this.rangeOf(k) : value;
        if (k !== null && !isScalar(k)) {
          this.report('wrong-type', 'A key must be a plain name, not a list or a mapping.', keyRange);
          continue;
        }
        const name = k === null ? '' : String(k.value);
        if (Object.hasOwn(out, name)) {
          // The first one counts, so the rest of the checks see what the text shows first.
          this.report('duplicate-key', `\`${name}\` is already set above in this mapping; this one is ignored.`, keyRange);
          continue;
        }
        const v = pair.value as Node | null;
        const valueRange: OffsetRange = v ? this.rangeOf(v) : [keyRange[1], keyRange[1]];
        // defineProperty: a key such as `__proto__` must stay an ordinary key.
        Object.defineProperty(out, name, {
          value: this.convert(v, [...path, name], valueRange, keyRange, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const n = item as Node | null;
        return this.convert(n, [...path, i], n ? this.rangeOf(n) : value, undefined, depth + 1);
      });
    }
    return null;
  }

  private convertAlias(node: Node, path: PathSegment[], value: OffsetRange, key: OffsetRange | undefined, depth: number): unknown {
    if (!isAlias(node)) return null;
    this.aliasExpansions++;
    if (this.aliasExpansions > MAX_ALIAS_EXPANSIONS) {
      this.reportAliasLimit(this.expanding.size > 0 ? (this.aliasSite ?? value) : value);
      return null;
    }
    const target = this.resolve(node);
    if (!target) {
      // The parser accepts an alias of an unknown anchor; converting it would only say "empty".
      this.report('yaml-syntax', `The alias \`*${node.source}\` names no anchor: define \`&${node.source}\` before it.`, value);
      return null;
    }
    if (this.expanding.has(target)) {
      this.report('yaml-syntax', `The alias \`*${node.source}\` is inside the value it names, which would never end.`, value);
      return null;
    }
    if (this.expanding.size === 0) this.aliasSite = value;
    this.expanding.add(target);
    // Keep the alias's own range for the value itself; nested values point into the anchor.
    const result = this.convert(target, path, value, key, depth + 1);
    this.expanding.delete(target);
    return result;
  }

  /** The node an alias names: the last node anchored with its name before it, in document order. */
  private resolve(alias: Alias): Node | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, Node>();
      const latest = new Map<string, Node>();
      visit(this.doc, {
        Node: (_key, n) => {
          if (isAlias(n)) {
            const target = latest.get(n.source);
            if (target) targets.set(n, target);
          } else if (n.anchor) {
            latest.set(n.anchor, n);
          }
        },
      });
      this.targets = targets;
    }
    return this.targets.get(alias);
  }

  /** Once per document: the aliases expand to more than a spec could need. */
  private reportAliasLimit(range: OffsetRange): void {
    if (this.aliasLimitReported) return;
    this.aliasLimitReported = true;
    this.report(
      'yaml-syntax',
      `The aliases (*name) expand to too much: more than ${MAX_ALIAS_EXPANSIONS} aliases or ${MAX_ALIASED_VALUES} values copied through them.`,
      range,
    );
  }

  private report(code: SpecCode, message: string, range: OffsetRange): void {
    this.diagnostics.push({ code, severity: severityOf(code), message, range });
  }
}

/** Scalars as the schema sees them; anything exotic (a tagged binary, a date) becomes text. */
function plain(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

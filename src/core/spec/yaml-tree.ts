/**
 * Text → a plain value plus the source range of every key and value in it, by path.
 * The yaml package parses (keeping ranges), through yaml-parse.ts, which refuses a text
 * nested too deep before anything recurses on it; our own walk converts, so that we control
 * aliases (no exponential expansion), odd keys (`__proto__`, collections) and the depth of
 * what aliases expand to.
 * Long inline data rows take a fast path (inline-rows.ts) that gives the same tree.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type ErrorCode, type Node, type YAMLError } from 'yaml';
import type { Diagnostic, OffsetRange } from '../diagnostic';
import { severityOf, type SpecCode } from './codes';
import { findInlineRows, holdsKeptRows, sourceOffset, type InlineRows } from './inline-rows';
import { MAX_YAML_DEPTH, parseYaml } from './yaml-parse';

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

export interface SourceTreeOptions {
  /** False parses the whole text with the yaml package, as the inline rows fast path must match (for tests). */
  readonly inlineRowsFastPath?: boolean;
}

export function parseSourceTree(text: string, options: SourceTreeOptions = {}): SourceTree {
  return parseSourceTreeTraced(text, options).tree;
}

/** parseSourceTree, also saying whether the inline rows fast path gave the tree (tests check it is taken). */
export function parseSourceTreeTraced(text: string, options: SourceTreeOptions = {}): { tree: SourceTree; inlineRows: boolean } {
  const rows = options.inlineRowsFastPath === false ? undefined : findInlineRows(text);
  const fast = rows && parseWithInlineRows(text, rows);
  return fast ? { tree: fast, inlineRows: true } : { tree: parseWhole(text), inlineRows: false };
}

function parseWhole(text: string): SourceTree {
  const { doc, tooDeep } = parseYaml(text);
  if (!doc) {
    const diagnostic: Diagnostic<SpecCode> = {
      code: 'yaml-too-deep',
      severity: severityOf('yaml-too-deep'),
      message: `The document nests more than ${MAX_YAML_DEPTH} levels deep here (mappings and lists inside one another); a spec needs only a few.`,
      range: [tooDeep, Math.min(tooDeep + 1, text.length)],
    };
    return { value: null, entries: new Map(), diagnostics: [diagnostic], syntaxErrors: true };
  }
  const diagnostics: Diagnostic<SpecCode>[] = [];
  let syntaxErrors = false;
  for (const e of doc.errors) {
    syntaxErrors = true;
    diagnostics.push(yamlDiagnostic(PARSER_ERROR_CODES[e.code] ?? 'yaml-syntax', e, text));
  }
  for (const w of doc.warnings) diagnostics.push(yamlDiagnostic('yaml-warning', w, text));

  const walker = new Walker(doc, text, diagnostics);
  return { value: walker.walk(), entries: walker.entries, diagnostics, syntaxErrors };
}

/**
 * The tree of `text` from a parse of it without most of its inline rows (inline-rows.ts),
 * or undefined unless it is the tree parseWhole gives: the parse must be clean, the rows
 * must be data.rows and read as the scanner read them, and no alias may copy them (the
 * copy would hold only the rows the parser saw).
 */
function parseWithInlineRows(text: string, rows: InlineRows): SourceTree | undefined {
  const { doc } = parseYaml(rows.parsedText);
  // Too deep: parseWhole reports where, in the whole text.
  if (!doc || doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const diagnostics: Diagnostic<SpecCode>[] = [];
  const walker = new Walker(doc, text, diagnostics, rows);
  const value = walker.walk();
  const entry = walker.entries.get(pathKey(['data', 'rows']));
  if (!walker.insertedRows || walker.usedAliases || entry?.key?.[0] !== rows.keyStart) return undefined;
  return { value, entries: walker.entries, diagnostics, syntaxErrors: false };
}

/**
 * Our codes for the parser's errors that are not syntax: its other errors (BAD_INDENT,
 * MISSING_CHAR, TAB_AS_INDENT, BAD_DQ_ESCAPE, BAD_ALIAS for an empty `*`…) are `yaml-syntax`.
 * It reports no unknown or recursive alias and no expansion limit: the walk below does.
 */
const PARSER_ERROR_CODES: Partial<Record<ErrorCode, SpecCode>> = {
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

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
  /** Whether the inline rows were recorded (insertRows). */
  insertedRows = false;
  private aliasExpansions = 0;
  private aliasedValues = 0;
  private aliasLimitReported = false;
  /** Where the alias being expanded (the outermost one) is written: limits are reported there. */
  private aliasSite: OffsetRange | undefined;
  /** What each alias refers to, found in one pass (Alias.resolve walks the whole document per call). */
  private targets: Map<Alias, Node> | undefined;
  private readonly expanding = new Set<Node>();

  /**
   * @param text the original text; `doc` is parsed from it, or from `rows.parsedText` when
   *   `rows` is given, and its ranges are then mapped back to `text`.
   * @param rows inline rows to record at their key in place of the kept rows the parser saw.
   */
  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly diagnostics: Diagnostic<SpecCode>[],
    private readonly rows?: InlineRows,
  ) {}

  /** Whether any alias was met. */
  get usedAliases(): boolean {
    return this.aliasExpansions > 0;
  }

  /** Converts the whole document. */
  walk(): unknown {
    const root = this.doc.contents as Node | null;
    return this.convert(root, [], root ? this.rangeOf(root) : [0, 0], undefined, 0);
  }

  /** A node's [start, end) without the line breaks and blanks a block collection ends with. */
  rangeOf(node: { range?: readonly number[] | null }): OffsetRange {
    const r = node.range;
    if (!r || r.length < 2) return [0, 0];
    // In error recovery the parser may give a range past the end of the text.
    const rows = this.rows;
    const length = rows ? rows.parsedText.length : this.text.length;
    let start = Math.min(Math.max(0, r[0]!), length);
    let end = Math.min(Math.max(start, r[1]!), length);
    if (rows) {
      start = sourceOffset(rows, start);
      end = sourceOffset(rows, end);
    }
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
    if ((isMap(node) || isSeq(node)) && depth >= MAX_YAML_DEPTH) {
      // A collection at `depth` is the (depth + 1)-th around its items. The text itself nests
      // no deeper than MAX_YAML_DEPTH (yaml-parse.ts), so this is met through aliases; it
      // also bounds the walk's recursion.
      this.report('yaml-too-deep', `The value here nests more than ${MAX_YAML_DEPTH} levels deep, counting what aliases expand to; a spec needs only a few.`, value);
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
        const rows = this.rows;
        const inline = rows !== undefined && keyRange[0] === rows.keyStart && holdsKeptRows(v, rows, (n) => this.rangeOf(n));
        // defineProperty: a key such as `__proto__` must stay an ordinary key.
        Object.defineProperty(out, name, {
          value: inline ? this.insertRows(rows, [...path, name], valueRange, keyRange) : this.convert(v, [...path, name], valueRange, keyRange, depth + 1),
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

  /** Records the inline rows at `path`, as convert would record the sequence they are. */
  private insertRows(rows: InlineRows, path: PathSegment[], value: OffsetRange, key: OffsetRange): unknown[] {
    this.insertedRows = true;
    const prefix = pathKey(path);
    this.entries.set(prefix, { path, value, key });
    return rows.rows.map((row, i) => {
      const rowPath = [...path, i];
      this.entries.set(pathKey(rowPath), { path: rowPath, value: row.range });
      row.ranges.forEach((range, j) => {
        const valuePath = [...rowPath, j];
        this.entries.set(pathKey(valuePath), { path: valuePath, value: range });
      });
      return [...row.values];
    });
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
      this.report('yaml-unknown-alias', `The alias \`*${node.source}\` names no anchor: define \`&${node.source}\` before it.`, value);
      return null;
    }
    if (this.expanding.has(target)) {
      this.report('yaml-recursive-alias', `The alias \`*${node.source}\` is inside the value it names, which would never end.`, value);
      return null;
    }
    if (this.expanding.size === 0) this.aliasSite = value;
    this.expanding.add(target);
    // The value takes the alias's place, at its depth. Keep the alias's own range for the value
    // itself; nested values point into the anchor.
    const result = this.convert(target, path, value, key, depth);
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
      'yaml-alias-expansion-limit',
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

/**
 * The state every check shares: the source tree (values and their ranges) and the list
 * the diagnostics go to. Checks ask it for ranges by path, so none of them walks YAML.
 */
import type { Diagnostic, DiagnosticFix, OffsetRange, RelatedInformation } from '../diagnostic';
import { severityOf, type SpecCode } from './codes';
import { pathKey, type Path, type SourceEntry, type SourceTree } from './yaml-tree';

export interface ReportExtras {
  readonly fix?: DiagnosticFix;
  readonly related?: readonly RelatedInformation[];
}

export class Reporter {
  readonly diagnostics: Diagnostic<SpecCode>[] = [];

  constructor(readonly tree: SourceTree) {}

  report(code: SpecCode, message: string, range: OffsetRange, extras: ReportExtras = {}): void {
    this.diagnostics.push({ code, severity: severityOf(code), message, range, ...extras });
  }

  entry(path: Path): SourceEntry | undefined {
    return this.tree.entries.get(pathKey(path));
  }

  /** True when the text has a value (possibly empty) at `path`. */
  has(path: Path): boolean {
    return this.entry(path) !== undefined;
  }

  /** The plain value at `path`, or undefined when there is none. */
  get(path: Path): unknown {
    let v: unknown = this.tree.value;
    for (const seg of path) {
      if (typeof seg === 'number') {
        if (!Array.isArray(v) || seg < 0 || seg >= v.length) return undefined;
        v = v[seg];
      } else {
        if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, seg)) return undefined;
        v = (v as Record<string, unknown>)[seg];
      }
    }
    return v;
  }

  /** The value at `path`; an empty value gives its key instead; an absent one its nearest ancestor. */
  valueRange(path: Path): OffsetRange {
    const e = this.entry(path);
    if (e) return e.value[0] === e.value[1] && e.key ? e.key : e.value;
    return path.length > 0 ? this.keyRange(path.slice(0, -1)) : this.rootRange();
  }

  /** The key of `path` when it has one, else its value; an absent one its nearest ancestor's key. */
  keyRange(path: Path): OffsetRange {
    const e = this.entry(path);
    if (e?.key) return e.key;
    if (e && path.length > 0) return e.value;
    return path.length > 0 ? this.keyRange(path.slice(0, -1)) : this.rootRange();
  }

  /** From the key's start to the value's end (a whole `key: value` pair). */
  pairRange(path: Path): OffsetRange {
    const e = this.entry(path);
    if (!e) return this.keyRange(path);
    return e.key ? [e.key[0], Math.max(e.key[1], e.value[1])] : e.value;
  }

  /** For problems of the whole spec: its first top-level key, or the start of the text. */
  rootRange(): OffsetRange {
    let first: OffsetRange | undefined;
    for (const e of this.tree.entries.values()) {
      if (e.path.length === 1 && e.key && (!first || e.key[0] < first[0])) first = e.key;
    }
    return first ?? [0, 0];
  }
}

/** `{ title, range, text }` for "replace this range with `text`". */
export function replaceFix(range: OffsetRange, text: string, title = `Change to '${text}'`): DiagnosticFix {
  return { title, range, text };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Spec text → a yaml Document, as the package's `parseDocument` gives it, unless the text nests
 * deeper than MAX_YAML_DEPTH (nesting.ts says how depth is counted). Every parse of a spec's
 * YAML goes through here. The package's lexer is a state machine in a loop and its parser
 * keeps an explicit stack, but the parser recurses to close the levels on that stack (a
 * dedent after thousands of open levels overflows it), and its composer recurses once or more
 * per level. So the parser is fed only while its stack is short, its tree is measured, and it
 * is composed only when shallow enough: a hostile text ("[[[[…" or "- - - - …" thousands
 * deep) is refused with the offset where it passes the limit, never a stack overflow.
 */
import { Composer, Lexer, Parser, YAMLParseError, type CST, type Document } from 'yaml';
import { excessiveNesting } from './nesting';

/**
 * The deepest nesting a spec may have, in collections (a spec needs about 4). It bounds every
 * recursion over a parsed spec: the composer's, yaml-tree.ts's walk (which also counts what
 * aliases expand to), the package's `visit`. Far below what the stack allows (thousands).
 */
export const MAX_YAML_DEPTH = 64;

export type YamlParse =
  /** The document; its errors are not prettified (offsets only, as with `prettyErrors: false`). */
  | { readonly doc: Document; readonly tooDeep?: undefined }
  /** Where the first collection nested more than MAX_YAML_DEPTH deep starts; nothing was composed. */
  | { readonly doc?: undefined; readonly tooDeep: number };

/** Duplicate keys are not the composer's to find: yaml-tree.ts's walk reports them, over the whole key. */
const OPTIONS = { uniqueKeys: false, version: '1.2' } as const;

export function parseYaml(text: string): YamlParse {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let cut = false;
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document, the collections open here, each inside the one below it,
    // and at most one scalar on top: past this, more than MAX_YAML_DEPTH collections are open.
    if (parser.stack.length > MAX_YAML_DEPTH + 2) {
      cut = true;
      break;
    }
  }
  // The first collection too many; the tree measured below finds it, or one before it.
  const deepest = cut ? parser.stack[MAX_YAML_DEPTH + 1]!.offset : undefined;
  // Closes what is open in a loop, each level once: the stack is short.
  for (const token of parser.end()) tokens.push(token);
  const tooDeep = excessiveNesting(tokens, MAX_YAML_DEPTH) ?? deepest;
  if (tooDeep !== undefined) return { tooDeep };

  // parseDocument's own loop: the first document, and an error if there is another.
  let doc: Document | undefined;
  for (const next of new Composer(OPTIONS).compose(tokens, true, text.length)) {
    if (doc) {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
    doc = next;
  }
  // compose(…, forceDoc = true) always yields a document, an empty one for an empty text.
  return { doc: doc! };
}

/** "Did you mean" for the expression language: the nearest known name to a misspelt one. */
import { editDistance, nearest } from '../../spec/suggest';

/**
 * The candidate nearest to `word` by edit distance, or undefined when none is close: a match
 * ignoring case (`theta` → `Theta`, `j` → `J`), else the Damerau–Levenshtein distance at most a
 * third of the word's length (1 … 3) and shorter than the word itself, so that a one-letter
 * name never suggests another one-letter name.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const found = nearest(word, candidates);
  if (found === undefined) return undefined;
  if (found.toLowerCase() === word.toLowerCase()) return found;
  return editDistance(word.toLowerCase(), found.toLowerCase()) < word.length ? found : undefined;
}

/**
 * A cap on the diagnostics an editor shows for one spec. A spec pasted with thousands of bad
 * rows would otherwise send the Problems panel thousands of entries on every keystroke; the
 * first few hundred say what is wrong, and one more says how many were left out.
 */
import type { Diagnostic } from '../diagnostic';
import { severityOf, type SpecCode } from './codes';

/** The most diagnostics the editor shows for one spec. */
export const MAX_EDITOR_DIAGNOSTICS = 500;

/**
 * `diagnostics` when there are at most `max`; otherwise the first max − 1 and a `more-problems`
 * diagnostic at the place of the first one left out, counting the rest.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic<SpecCode>[], max = MAX_EDITOR_DIAGNOSTICS): Diagnostic<SpecCode>[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const shown = diagnostics.slice(0, max - 1);
  const rest = diagnostics.length - shown.length;
  const errors = diagnostics.slice(max - 1).filter((d) => d.severity === 'error').length;
  const more: Diagnostic<SpecCode> = {
    code: 'more-problems',
    severity: severityOf('more-problems'),
    message: `${rest.toLocaleString('en-US')} more problems from here on (${errors.toLocaleString('en-US')} of them errors) are not listed; fix these first, or run \`nnspec validate\` to see them all.`,
    range: diagnostics[max - 1]!.range,
  };
  return [...shown, more];
}

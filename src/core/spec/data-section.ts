/**
 * The `data` section against the schema. zod would try all three kinds and report a
 * tangle of union issues; instead the key present (`rows`, `csv` or `generate`) picks the
 * kind, and that kind's schema alone judges the section.
 */
import { isPlainObject, type Reporter } from './reporter';
import { reportIssues, reportMissing, reportUnknownKey, describeValue } from './schema-issues';
import { DATA_SOURCES, DATA_SOURCE_KEYS, keysAt, type DataSourceKey } from './schema-walk';

/** Reports the problems of `data`; returns its kind (the first source when several are given). */
export function checkDataSection(r: Reporter): DataSourceKey | undefined {
  if (!isPlainObject(r.tree.value)) return undefined;
  if (!r.has(['data'])) {
    reportMissing(r, ['data']);
    return undefined;
  }
  const data = r.get(['data']);
  if (!isPlainObject(data)) {
    r.report('wrong-type', `data must be a mapping with one of: rows, csv, generate; not ${describeValue(data)}.`, r.valueRange(['data']));
    return undefined;
  }
  const present = DATA_SOURCE_KEYS.filter((k) => Object.hasOwn(data, k));
  const source = present[0];
  if (source === undefined) {
    const allowed = keysAt(['data']);
    for (const key of Object.keys(data)) if (!allowed.includes(key)) reportUnknownKey(r, ['data', key], allowed);
    r.report('data-source-count', 'data needs one source: `rows` (inline examples), `csv` (a file) or `generate` (a generator).', r.keyRange(['data']));
    return undefined;
  }
  for (const extra of present.slice(1)) {
    r.report('data-source-count', `data has both \`${source}\` and \`${extra}\`; keep exactly one source.`, r.keyRange(['data', extra]));
  }
  const result = DATA_SOURCES[source].safeParse(data);
  if (!result.success) {
    // The other sources' keys are already reported as data-source-count.
    const issues = result.error.issues
      .map((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? { ...i, keys: i.keys.filter((k) => !present.includes(k as DataSourceKey)) } : i))
      .filter((i) => i.code !== 'unrecognized_keys' || i.keys.length > 0);
    reportIssues(r, issues, ['data'], source);
  }
  return source;
}

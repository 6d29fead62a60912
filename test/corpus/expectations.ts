/**
 * The expectations of a corpus spec, written in its first lines:
 *
 *   # expect: CODE "text"             the diagnostic covers the first "text" after the header
 *   # expect: CODE "text"#2           … its second occurrence
 *   # expect: CODE "momentum: [[1]]"  … the part in [[ ]] of the first "momentum: 1"
 *   # expect: CODE @12-15             … the offsets [12, 15) of the file
 *
 * Ranges are found by the text they cover, so the expectations survive edits to wording
 * (tests never look at messages) and stay readable beside the spec they describe.
 */
export interface Expectation {
  readonly code: string;
  readonly range: readonly [number, number];
}

const LINE = /^# expect: ([a-z-]+) (?:(["'])(.*)\2(?:#(\d+))?|@(\d+)-(\d+))\s*$/;

export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  const lines = text.split('\n');
  let bodyStart = 0;
  const header: RegExpMatchArray[] = [];
  for (const line of lines) {
    if (!line.startsWith('# expect:')) break;
    const m = LINE.exec(line);
    if (!m) throw new Error(`bad expectation line: ${line}`);
    header.push(m);
    bodyStart += line.length + 1;
  }
  for (const m of header) {
    const code = m[1]!;
    if (m[3] !== undefined) {
      const marked = /^(.*)\[\[(.*?)\]\](.*)$/.exec(m[3]);
      const needle = marked ? marked[1]! + marked[2]! + marked[3]! : m[3];
      const [skip, length] = marked ? [marked[1]!.length, marked[2]!.length] : [0, needle.length];
      const occurrence = Number(m[4] ?? '1');
      let at = bodyStart - 1;
      for (let k = 0; k < occurrence; k++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times after the header`);
      }
      expectations.push({ code, range: [at + skip, at + skip + length] });
    } else {
      expectations.push({ code, range: [Number(m[5]), Number(m[6])] });
    }
  }
  return expectations;
}

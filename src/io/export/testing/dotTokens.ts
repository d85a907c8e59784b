// Test support: the DOT language's tokens as Graphviz reads them, to prove that no label can
// change a graph's structure. Quoted strings are read two ways: as current Graphviz does (a
// backslash pair is one unit, so "x\\" ends at its quote) and as older scanners did (only \" is an
// escape, so "x\\" would not end there); an export must mean the same under both.

export type Token = { kind: 'string'; text: string } | { kind: 'id'; text: string } | { kind: 'punct'; text: string };

export function dotTokens(dot: string, backslashPairs: boolean): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < dot.length) {
    const c = dot[i]!;
    if (/\s/.test(c)) i++;
    else if (dot.startsWith('//', i) || (c === '#' && (i === 0 || dot[i - 1] === '\n'))) i = dot.indexOf('\n', i) < 0 ? dot.length : dot.indexOf('\n', i);
    else if (dot.startsWith('/*', i)) {
      const end = dot.indexOf('*/', i + 2);
      if (end < 0) return 'unterminated comment';
      i = end + 2;
    } else if (c === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= dot.length) return 'unterminated string';
        if (dot[i] === '"') break;
        if (dot[i] === '\\' && dot[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (backslashPairs && dot[i] === '\\' && dot[i + 1] === '\\') {
          text += '\\\\';
          i += 2;
        } else text += dot[i++];
      }
      i++;
      tokens.push({ kind: 'string', text });
    } else if (c === '<') return 'an HTML label';
    else if (dot.startsWith('->', i) || dot.startsWith('--', i)) {
      tokens.push({ kind: 'punct', text: dot.slice(i, i + 2) });
      i += 2;
    } else if ('{}[];,=:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      const m = /^[A-Za-z_0-9.\u0080-\uffff]+/.exec(dot.slice(i));
      if (!m) return `unexpected character ${JSON.stringify(c)}`;
      tokens.push({ kind: 'id', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** The token stream with every quoted string's content left out: the graph's structure. */
export function skeleton(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.kind === 'string' ? '""' : t.text)).join(' ');
}

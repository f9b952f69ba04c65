/**
 * Tokens of the SOQL subset the sandbox understands. Keywords and names are case-insensitive;
 * strings are single-quoted with backslash escapes; datetime and date literals are unquoted.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm
 */
import { DATE_LITERAL, DATETIME_LITERAL } from '../datetime.ts';
import { SalesforceFault } from '../errors.ts';

export type TokenType = 'name' | 'string' | 'number' | 'datetime' | 'date' | 'op' | 'punct' | 'end';

export interface Token {
  type: TokenType;
  /** The source text (for strings: the unescaped value). */
  text: string;
  /** Offset in the query. */
  pos: number;
}

/** Marks an escaped % or _: a literal character in LIKE, an error anywhere else. */
export const LIKE_ESCAPE = '\uE000';

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  "'": "'",
  '"': '"',
  '\\': '\\',
  '%': `${LIKE_ESCAPE}%`,
  _: `${LIKE_ESCAPE}_`,
};

/**
 * MALFORMED_QUERY in Salesforce's shape: the query, a caret under the offending position, the
 * row and column, then what was wrong.
 */
export function malformed(query: string, pos: number, what: string): SalesforceFault {
  const before = query.slice(0, pos);
  const row = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1);
  const line = query.split('\n')[row - 1] ?? '';
  return new SalesforceFault(
    400,
    'MALFORMED_QUERY',
    `\n${line}\n${' '.repeat(column)}^\nERROR at Row:${row}:Column:${column + 1}\n${what}`,
  );
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const rest = query.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const literal = DATETIME_LITERAL.exec(rest) ?? DATE_LITERAL.exec(rest);
    if (literal) {
      const type = literal[0].includes('T') ? 'datetime' : 'date';
      tokens.push({ type, text: literal[0], pos: i });
      i += literal[0].length;
      continue;
    }
    const simple =
      /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest) ??
      /^-?\d+(\.\d+)?(?![A-Za-z_])/.exec(rest) ??
      /^(<=|>=|!=|<>|=|<|>)/.exec(rest) ??
      /^[(),]/.exec(rest);
    if (simple) {
      const text = simple[0];
      const type = /^[A-Za-z_]/.test(text)
        ? 'name'
        : /^-?\d/.test(text)
          ? 'number'
          : /^[(),]$/.test(text)
            ? 'punct'
            : 'op';
      tokens.push({ type, text, pos: i });
      i += text.length;
      continue;
    }
    if (rest.startsWith("'")) {
      const [value, length] = readString(query, i);
      tokens.push({ type: 'string', text: value, pos: i });
      i += length;
      continue;
    }
    throw malformed(query, i, `unexpected token: ${/^\S+/.exec(rest)?.[0] ?? rest}`);
  }
  tokens.push({ type: 'end', text: '<EOF>', pos: query.length });
  return tokens;
}

/** A quoted string starting at `start`: its value and its length in the source. */
function readString(query: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < query.length) {
    const c = query[i] as string;
    if (c === "'") return [value, i + 1 - start];
    if (c === '\\') {
      const unicode = /^u([0-9A-Fa-f]{4})/.exec(query.slice(i + 1));
      if (unicode) {
        value += String.fromCharCode(Number.parseInt(unicode[1] as string, 16));
        i += 6;
        continue;
      }
      // \N, \R, \T, \B and \F work as their lower-case forms
      const escaped = ESCAPES[query[i + 1] ?? ''] ?? ESCAPES[(query[i + 1] ?? '').toLowerCase()];
      if (escaped === undefined) throw malformed(query, i, 'Invalid string literal escape');
      value += escaped;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw malformed(query, start, `unexpected token: '${query.slice(start + 1)}`);
}

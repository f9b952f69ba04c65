/**
 * Tokens of an OData `$filter`: parentheses, commas, quoted strings (a `'` inside is written
 * `''`) and words (names, operators, numbers, unquoted datetimes and GUIDs).
 *
 * Source: https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
 */
import { CODES, ODataError } from './odata.ts';

export type Token =
  | { kind: '(' | ')' | ','; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'word'; value: string; at: number };

export function syntaxError(text: string, at: number): ODataError {
  return new ODataError(400, CODES.badRequest, `Syntax error at position ${at} in '${text}'.`);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, at: i });
      i += 1;
    } else if (ch === "'") {
      const at = i;
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw syntaxError(text, at);
        if (text[i] === "'") {
          if (text[i + 1] !== "'") break;
          value += "'";
          i += 2;
        } else {
          value += text[i];
          i += 1;
        }
      }
      i += 1;
      tokens.push({ kind: 'string', value, at });
    } else {
      const match = /^[A-Za-z0-9_.:+\-@]+/.exec(text.slice(i));
      if (!match) throw syntaxError(text, i);
      tokens.push({ kind: 'word', value: match[0], at: i });
      i += match[0].length;
    }
  }
  return tokens;
}

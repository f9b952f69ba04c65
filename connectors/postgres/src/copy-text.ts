import type { Column } from './columns.ts';

/**
 * Values as PostgreSQL input text, and rows in COPY's text format
 * (https://www.postgresql.org/docs/current/sql-copy.html#SQL-COPY-FILE-FORMATS-TEXT): columns
 * separated by tabs, rows by newlines, NULL as `\N`, and backslash, newline, carriage return
 * and tab escaped with a backslash, so any text (quotes, newlines, `\N` or `\.` as data,
 * unicode) arrives unchanged. The same input text is used for parameters when rows are written
 * one by one, so both paths convert values identically.
 */

/** A JSON array as an array literal: `{"a","b \"c\"",NULL,{"1","2"}}`. */
export function arrayLiteral(values: unknown[]): string {
  const item = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return `"${text.replace(/[\\"]/g, '\\$&')}"`;
  };
  return `{${values.map(item).join(',')}}`;
}

/** The input text of a value for a column, or null for SQL NULL. */
export function inputText(value: unknown, column: Column): string | null {
  if (value === null || value === undefined) return null;
  if (column.json) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  if (column.array && Array.isArray(value)) return arrayLiteral(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A field of COPY text: `\N` for NULL, special characters escaped. */
export function copyField(text: string | null): string {
  if (text === null) return '\\N';
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] as string) : text;
}

const BACKSLASH = 0x5c;

/**
 * Writes `text` as a COPY field, UTF-8 encoded, into `buf` at `pos` and returns the position
 * after it: the bytes of Buffer.from(copyField(text)) (a lone surrogate becomes U+FFFD, as
 * there), made in one pass with no intermediate string. The bulk path calls it for millions of
 * values: checking for characters to escape and encoding in the same loop costs less than a
 * regular expression, a join and a conversion of the joined text. `buf` needs
 * 3 * text.length bytes free (an escape is 2 bytes, a UTF-16 unit at most 3).
 */
export function writeField(buf: Uint8Array, pos: number, text: string): number {
  const length = text.length;
  // most text is plain ASCII: a tight loop copies it up to the first character needing more
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c <= 13 || c === BACKSLASH) break;
    buf[pos + i] = c;
  }
  pos += i;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c > 13 && c !== BACKSLASH) buf[pos++] = c;
      else if (c === BACKSLASH) {
        buf[pos++] = BACKSLASH;
        buf[pos++] = BACKSLASH;
      } else if (c === 9) {
        buf[pos++] = BACKSLASH;
        buf[pos++] = 0x74; // t
      } else if (c === 10) {
        buf[pos++] = BACKSLASH;
        buf[pos++] = 0x6e; // n
      } else if (c === 13) {
        buf[pos++] = BACKSLASH;
        buf[pos++] = 0x72; // r
      } else buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        buf[pos++] = 0xf0 | (point >> 18);
        buf[pos++] = 0x80 | ((point >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((point >> 6) & 0x3f);
        buf[pos++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        // a lone surrogate: U+FFFD, as Buffer.from writes it
        buf[pos++] = 0xef;
        buf[pos++] = 0xbf;
        buf[pos++] = 0xbd;
      }
    }
  }
  return pos;
}

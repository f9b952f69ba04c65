import { describe, expect, it } from 'vitest';
import { CsvScanner, type Dialect, type ScannedRow } from './csv-scanner.ts';

const CSV: Dialect = { delimiter: 0x2c, quote: 0x22, encoding: 'utf8' };

function scan(bytes: Buffer, chunkSize = bytes.length, dialect = CSV): ScannedRow[] {
  const scanner = new CsvScanner(dialect, { offset: 0, lines: 0 });
  const rows: ScannedRow[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize)
    rows.push(...scanner.push(bytes.subarray(at, at + chunkSize)));
  rows.push(...scanner.end());
  return rows;
}

const LINES = [
  '\uFEFFid,"na""me",note\r\n',
  '1,"a,b","line\r\nbreak"\r\n',
  '\r\n',
  '2,,""\n',
  '3,Zoë 日本,"x"y\n',
  '4,lone\rcr,end,\n',
  '5,"""quoted""",last',
];
const TRICKY = Buffer.from(LINES.join(''));
/** The byte offset after the first n lines. */
const after = (n: number) => Buffer.byteLength(LINES.slice(0, n).join(''));

describe('the CSV scanner', () => {
  it('gives each row its cells, start line, end offset and lines consumed', () => {
    expect(scan(TRICKY)).toEqual([
      { cells: ['id', 'na"me', 'note'], line: 1, end: after(1), lines: 1 },
      { cells: ['1', 'a,b', 'line\r\nbreak'], line: 2, end: after(2), lines: 3 },
      { cells: ['2', null, ''], line: 5, end: after(4), lines: 5 },
      {
        error: 'a closing quote is followed by other characters than a delimiter',
        fatal: false,
        line: 6,
        end: after(5),
        lines: 6,
      },
      { cells: ['4', 'lone\rcr', 'end', null], line: 7, end: after(6), lines: 7 },
      { cells: ['5', '"quoted"', 'last'], line: 8, end: TRICKY.length, lines: 7 },
    ]);
  });

  it('gives the same rows whatever the chunk boundaries (BOM, CRLF, quotes and UTF-8 split)', () => {
    const whole = scan(TRICKY);
    for (let size = 1; size < TRICKY.length; size++) expect(scan(TRICKY, size)).toEqual(whole);
  });

  it('ends with a fatal error, positioned before the row, at a quote left open', () => {
    const bytes = Buffer.from('a\n"open\nstill open');
    for (const size of [1, 3, bytes.length])
      expect(scan(bytes, size).at(-1)).toEqual({
        error: 'a quoted field is not closed before the end of the file',
        fatal: true,
        line: 2,
        end: 2,
        lines: 1,
      });
  });

  it('handles a quoted cell far larger than a chunk', () => {
    const big = 'x'.repeat(1_000_000);
    const rows = scan(Buffer.from(`id,v\n1,"${big}"\n`), 64 * 1024);
    expect(rows[1]).toMatchObject({ cells: ['1', big], line: 2, lines: 2 });
  });

  it('uses other delimiters and quotes, and Latin-1', () => {
    const dialect: Dialect = { delimiter: 0x09, quote: 0x27, encoding: 'latin1' };
    const rows = scan(Buffer.from("a\t'b\tc'\tJosé\n", 'latin1'), 2, dialect);
    expect(rows).toEqual([{ cells: ['a', 'b\tc', 'José'], line: 1, end: 13, lines: 1 }]);
  });
});

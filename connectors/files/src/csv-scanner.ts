import type { Position } from './entries.ts';

/** A scanned CSV row (an unquoted empty cell is null, `""` is ''), or a syntax error. */
export type ScannedRow =
  | { cells: (string | null)[]; line: number; end: number; lines: number }
  | { error: string; line: number; end: number; lines: number; fatal: boolean };

export interface Dialect {
  /** Single ASCII bytes, so they never occur inside a multi-byte UTF-8 character. */
  delimiter: number;
  quote: number;
  encoding: 'utf8' | 'latin1';
}

type Parsed =
  | { cells: (string | null)[]; next: number }
  | { error: string; next: number; fatal: boolean };

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * An RFC 4180 CSV scanner over bytes, fed chunk by chunk. Written here rather than using
 * csv-parse because a faithful read needs, per row, the exact end offset (resumable state) and
 * whether an empty cell was quoted (null vs ''), and csv-parse's `info` and `cast` options that
 * give them made reads 15 times slower (46 s for 58 MB). Rows end at LF or CRLF; a lone CR and
 * a quote inside an unquoted cell are data; empty lines are skipped. A closing quote followed
 * by other characters is a row error, after which scanning goes on at the next line; a quote
 * still open at the end of the file is a fatal error. Only the unfinished row is kept between
 * chunks, rescanned when its size has doubled, so a huge quoted cell costs linear time.
 */
export class CsvScanner {
  private carry = Buffer.alloc(0);
  /** Chunks received while waiting for the unfinished row to double. */
  private pending: Buffer[] = [];
  private pendingSize = 0;
  private offset: number;
  private lines: number;
  private wait = 0;
  private bomChecked: boolean;

  constructor(
    private readonly dialect: Dialect,
    from: Position,
  ) {
    this.offset = from.offset;
    this.lines = from.lines;
    this.bomChecked = from.offset > 0 || dialect.encoding !== 'utf8';
  }

  push(chunk: Buffer): ScannedRow[] {
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    return this.carry.length + this.pendingSize < this.wait ? [] : this.scan(false);
  }

  end(): ScannedRow[] {
    return this.scan(true);
  }

  private scan(final: boolean): ScannedRow[] {
    const b = this.pending.length > 0 ? Buffer.concat([this.carry, ...this.pending]) : this.carry;
    this.carry = b;
    this.pending = [];
    this.pendingSize = 0;
    const rows: ScannedRow[] = [];
    let pos = 0;
    if (!this.bomChecked) {
      if (b.length < BOM.length && !final) return rows;
      if (b.subarray(0, BOM.length).equals(BOM)) pos = BOM.length;
      this.bomChecked = true;
    }
    let complete = true;
    while (pos < b.length) {
      if (b[pos] === LF || (b[pos] === CR && b[pos + 1] === LF)) {
        pos += b[pos] === LF ? 1 : 2; // an empty line
        this.lines++;
        continue;
      }
      if (b[pos] === CR && pos + 1 === b.length && !final) {
        complete = false;
        break;
      }
      const parsed = parseRow(b, pos, final, this.dialect);
      if (!parsed) {
        complete = false;
        break;
      }
      const line = this.lines + 1;
      this.lines += countLf(b, pos, parsed.next);
      const at = { line, end: this.offset + parsed.next, lines: this.lines };
      if ('cells' in parsed) rows.push({ cells: parsed.cells, ...at });
      else if (!parsed.fatal) rows.push({ error: parsed.error, fatal: false, ...at });
      else {
        const before = { line, end: this.offset + pos, lines: line - 1 };
        rows.push({ error: parsed.error, fatal: true, ...before });
      }
      pos = parsed.next;
    }
    this.carry = b.subarray(pos);
    this.offset += pos;
    this.wait = complete ? 0 : 2 * this.carry.length;
    return rows;
  }
}

/** One row starting at `start`; undefined when the bytes end before it does (and more may come). */
function parseRow(b: Buffer, start: number, final: boolean, d: Dialect): Parsed | undefined {
  const cells: (string | null)[] = [];
  let i = start;
  for (;;) {
    if (b[i] === d.quote && i < b.length) {
      let j = i + 1;
      let escaped = false;
      let close = -1;
      while (close === -1) {
        const k = b.indexOf(d.quote, j);
        if (k === -1 || (k + 1 === b.length && !final)) {
          if (!final) return undefined;
          return {
            error: 'a quoted field is not closed before the end of the file',
            next: b.length,
            fatal: true,
          };
        }
        if (b[k + 1] === d.quote) {
          escaped = true;
          j = k + 2;
        } else close = k;
      }
      const text = b.toString(d.encoding, i + 1, close);
      const q = String.fromCharCode(d.quote);
      cells.push(escaped ? text.replaceAll(q + q, q) : text);
      i = close + 1;
      if (b[i] === CR && i + 1 === b.length && !final) return undefined;
      if (
        i < b.length &&
        b[i] !== d.delimiter &&
        b[i] !== LF &&
        !(b[i] === CR && b[i + 1] === LF)
      ) {
        const lf = b.indexOf(LF, i);
        if (lf === -1 && !final) return undefined;
        const error = 'a closing quote is followed by other characters than a delimiter';
        return { error, next: lf === -1 ? b.length : lf + 1, fatal: false };
      }
    } else {
      let k = i;
      while (
        k < b.length &&
        b[k] !== d.delimiter &&
        b[k] !== LF &&
        !(b[k] === CR && b[k + 1] === LF)
      )
        k++;
      // The bytes end inside the cell, or on a CR that may start a CRLF.
      if (!final && (k >= b.length || (b[k] === CR && k + 1 === b.length))) return undefined;
      cells.push(k === i ? null : b.toString(d.encoding, i, k));
      i = k;
    }
    if (i < b.length && b[i] === d.delimiter) {
      i++;
      continue;
    }
    if (i >= b.length) return { cells, next: i };
    return { cells, next: i + (b[i] === CR ? 2 : 1) };
  }
}

function countLf(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let k = b.indexOf(LF, from); k !== -1 && k < to; k = b.indexOf(LF, k + 1)) n++;
  return n;
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../test/helpers.ts';
import type { FileFormat } from './config.ts';
import { csvEntries, readHeader } from './csv-reader.ts';
import type { Entry, Position } from './entries.ts';

const CSV: FileFormat = {
  format: 'csv',
  delimiter: ',',
  quote: '"',
  header: true,
  columns: undefined,
  encoding: 'utf8',
};
const START = { offset: 0, lines: 0 };

async function entries(
  text: string | Buffer,
  from: Position = START,
  format = CSV,
  types = new Map<string, Set<string>>(),
) {
  const path = join(await tempFolder(), 'data.csv');
  await writeFile(path, text);
  const out: Entry[] = [];
  for await (const entry of csvEntries(path, from, format, types)) out.push(entry);
  return { path, out };
}

const recordsOf = (out: Entry[]) => out.flatMap((e) => (e.kind === 'record' ? [e.record] : []));

describe('CSV reading', () => {
  it('keeps quotes, delimiters, embedded newlines and unicode inside quoted cells, and drops the BOM', async () => {
    const { out } = await entries(
      '\uFEFFid,name,note\r\n1,"Zoë ""Z"" Æbelø","a, b"\r\n2,"line one\r\nline two",日本語 ✓\r\n',
    );
    expect(recordsOf(out)).toEqual([
      { id: '1', name: 'Zoë "Z" Æbelø', note: 'a, b' },
      { id: '2', name: 'line one\r\nline two', note: '日本語 ✓' },
    ]);
    // Line numbers count the embedded line break; the end offsets are bytes (BOM included).
    const rows = out.filter((e) => e.kind === 'record');
    expect(rows.map((e) => [e.line, e.lines])).toEqual([
      [2, 2],
      [3, 4],
    ]);
    expect(rows.at(-1)?.end).toBe(
      Buffer.byteLength(
        '\uFEFFid,name,note\r\n1,"Zoë ""Z"" Æbelø","a, b"\r\n2,"line one\r\nline two",日本語 ✓\r\n',
      ),
    );
  });

  it('reads an unquoted empty cell as null and a quoted empty cell as an empty string', async () => {
    const { out } = await entries('a,b,c\n,"",x\n');
    expect(recordsOf(out)).toEqual([{ a: null, b: '', c: 'x' }]);
  });

  it('casts the columns the schema types, and reports a cell that does not cast with its line', async () => {
    const types = new Map([
      ['n', new Set(['integer'])],
      ['ok', new Set(['boolean', 'null'])],
      ['tags', new Set(['array'])],
    ]);
    const { out } = await entries(
      'n,ok,tags\n7,TRUE,"[1,""x""]"\n,false,[]\nseven,true,[]\n',
      START,
      CSV,
      types,
    );
    expect(recordsOf(out)).toEqual([
      { n: 7, ok: true, tags: [1, 'x'] },
      { n: null, ok: false, tags: [] },
    ]);
    expect(out.at(-1)).toMatchObject({
      kind: 'malformed',
      line: 4,
      reason: `column 'n': "seven" is not integer`,
    });
  });

  it('reports a row with the wrong number of cells by its line and goes on', async () => {
    const { out } = await entries('a,b\n1,2\n\n3\n4,5\n');
    expect(out.map((e) => e.kind)).toEqual(['skip', 'record', 'malformed', 'record']);
    expect(out[2]).toMatchObject({ line: 4, reason: 'has 1 field(s), the header has 2' });
  });

  it('reports a stray character after a closing quote by its line and goes on at the next line', async () => {
    const { out } = await entries('a,b\n1,2\n3,"x"y,z\n5,6\n');
    expect(out.map((e) => e.kind)).toEqual(['skip', 'record', 'malformed', 'record']);
    expect(out[2]).toMatchObject({
      line: 3,
      reason: 'a closing quote is followed by other characters than a delimiter',
    });
    expect(recordsOf(out).at(-1)).toEqual({ a: '5', b: '6' });
  });

  it('stops at a quote left open, with the line of its row and the position before it', async () => {
    const { out } = await entries('a,b\n1,2\n3,"open\n4,5\n');
    expect(out.at(-1)).toEqual({
      kind: 'malformed',
      fatal: true,
      line: 3,
      end: 8,
      lines: 2,
      reason: 'a quoted field is not closed before the end of the file',
    });
    expect(recordsOf(out)).toEqual([{ a: '1', b: '2' }]);
  });

  it('resumes at a byte offset, reading the header again from the start of the file', async () => {
    const text = 'id,name\n1,a\n2,"b\nb"\n3,c\n';
    const first = await entries(text);
    const after = first.out[2] as Entry & { kind: 'record' };
    expect(after.record).toEqual({ id: '2', name: 'b\nb' });
    const rest: Entry[] = [];
    for await (const entry of csvEntries(
      first.path,
      { offset: after.end, lines: after.lines },
      CSV,
      new Map(),
    ))
      rest.push(entry);
    expect(rest).toEqual([
      { kind: 'record', record: { id: '3', name: 'c' }, line: 5, end: text.length, lines: 5 },
    ]);
  });

  it('uses the configured columns without a header, and a tab or semicolon dialect', async () => {
    const format = { ...CSV, header: false, columns: ['x', 'y'], delimiter: ';', quote: "'" };
    const { out } = await entries("1;'a;b'\n", START, format);
    expect(recordsOf(out)).toEqual([{ x: '1', y: 'a;b' }]);
  });

  it('reads Latin-1 files when told', async () => {
    const { out } = await entries(Buffer.from('name\nJosé\n', 'latin1'), START, {
      ...CSV,
      encoding: 'latin1',
    });
    expect(recordsOf(out)).toEqual([{ name: 'José' }]);
  });

  it('refuses a header with a repeated or empty column name', async () => {
    await expect(entries('id,name,id\n1,a,2\n')).rejects.toMatchObject({
      code: 'FERRY_FILES_CSV_HEADER',
      message: expect.stringContaining("column 'id' appears twice"),
    });
    const path = join(await tempFolder(), 'empty-name.csv');
    await writeFile(path, 'id,,x\n');
    await expect(readHeader(path, CSV)).rejects.toThrow('column 2 has no name');
    await expect(readHeader(path, { ...CSV, header: false })).rejects.toThrow(
      'csv.columns names no columns',
    );
  });
});

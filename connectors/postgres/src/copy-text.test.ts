import { describe, expect, it } from 'vitest';
import type { Column } from './columns.ts';
import { copyText } from './copy.ts';
import { arrayLiteral, copyField, inputText, writeField } from './copy-text.ts';

const column = (type: string, more: Partial<Column> = {}): Column => ({
  name: 'c',
  type,
  json: type === 'json' || type === 'jsonb',
  array: type.endsWith('[]'),
  ...more,
});

describe('COPY text format', () => {
  it('escapes backslash, newline, carriage return and tab, and nothing else', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('"quotes", commas; ünïcödé 🚀')).toBe('"quotes", commas; ünïcödé 🚀');
  });

  it('tells NULL (\\N) from the text \\N and from the empty string', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('')).toBe('');
    expect(copyField('\\.')).toBe('\\\\.');
  });

  it('encodes fields into bytes as Buffer.from(copyField(text)), unicode and escapes included', () => {
    const texts = [
      '',
      'plain',
      'a\tb\nc\rd\\e',
      '\\N',
      '\\.',
      '"quotes", commas; ünïcödé 日本 🚀',
      '\u0001\u001f\u007f\u0080\u07ff\u0800\uffff',
      '\ud83d\ude80 then a lone \ud83d, a lone \ude80 and a last \ud83d',
    ];
    // and random text over every kind of UTF-16 unit
    const units = [0x09, 0x0a, 0x0d, 0x5c, 0x41, 0xe9, 0x65e5, 0xd83d, 0xde80, 0xfffd];
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = 0; i < n % 23; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += String.fromCharCode(units[seed % units.length] as number);
      }
      texts.push(text);
    }
    for (const text of texts) {
      const buf = Buffer.alloc(3 * text.length);
      const end = writeField(buf, 0, text);
      expect(buf.subarray(0, end), JSON.stringify(text)).toEqual(Buffer.from(copyField(text)));
    }
  });

  it('writes rows as the general path does, in chunks cut between lines', () => {
    const values = [
      null,
      undefined,
      '',
      'plain',
      'a\tb\\',
      0,
      -1.5e-7,
      true,
      ['x', 'y"'],
      { a: '\n' },
    ];
    for (const type of ['text', 'jsonb', 'text[]', 'numeric']) {
      const columns = new Map([
        ['id', column('bigint')],
        ['c', column(type)],
      ]);
      // enough rows for several chunks, and a field larger than a chunk
      const rows = Array.from({ length: 20_000 }, (_, id) => ({
        id,
        c: id === 9_999 ? `é${'\t'.repeat(100_000)}` : values[id % values.length],
      }));
      const chunks = [...copyText(rows, ['id', 'c'], columns, (id) => `group ${id % 3}`)];
      expect(chunks.length).toBeGreaterThan(3);
      for (const chunk of chunks) expect(chunk.at(-1)).toBe(0x0a);
      const expected = rows
        .map(
          (row) => `${row.id}\t${copyField(inputText(row.c, column(type)))}\tgroup ${row.id % 3}\n`,
        )
        .join('');
      expect(Buffer.concat(chunks).toString(), type).toBe(expected);
    }
  });
});

describe('input text of values', () => {
  it('writes JSON text into json/jsonb columns, strings included', () => {
    expect(inputText({ a: [1, 'x'] }, column('jsonb'))).toBe('{"a":[1,"x"]}');
    expect(inputText('text', column('jsonb'))).toBe('"text"');
    expect(inputText(false, column('json'))).toBe('false');
  });

  it('writes JSON arrays into array columns as array literals, quoting every element', () => {
    expect(inputText(['a', 'b "c"', 'd\\e', null, 'NULL'], column('text[]'))).toBe(
      '{"a","b \\"c\\"","d\\\\e",NULL,"NULL"}',
    );
    expect(arrayLiteral([[1, 2], [3]])).toBe('{{"1","2"},{"3"}}');
  });

  it('writes scalars as their text, objects into other columns as JSON, null as NULL', () => {
    expect(inputText(12.5, column('numeric'))).toBe('12.5');
    expect(inputText(true, column('boolean'))).toBe('true');
    expect(inputText({ a: 1 }, column('text'))).toBe('{"a":1}');
    expect(inputText(null, column('text'))).toBeNull();
    expect(inputText(undefined, column('jsonb'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { Column } from './columns.ts';
import { arrayLiteral, copyField, fieldWriter, inputText } from './copy-text.ts';

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

  it('has a fast writer per column that gives the same fields as the general path', () => {
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
      const write = fieldWriter(column(type));
      for (const value of values)
        expect(write(value), `${type} ${JSON.stringify(value)}`).toBe(
          copyField(inputText(value, column(type))),
        );
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

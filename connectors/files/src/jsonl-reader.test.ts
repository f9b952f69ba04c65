import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../test/helpers.ts';
import type { Entry } from './entries.ts';
import { jsonlEntries } from './jsonl-reader.ts';

async function entries(text: string, from = { offset: 0, lines: 0 }) {
  const path = join(await tempFolder(), 'data.jsonl');
  await writeFile(path, text);
  const out: Entry[] = [];
  for await (const entry of jsonlEntries(path, from)) out.push(entry);
  return out;
}

describe('JSON Lines reading', () => {
  it('reads one object per line, skipping blank lines, with CRLF endings, a BOM and a last line without newline', async () => {
    const lines = ['\uFEFF{"id":1,"name":"Zoë"}\r\n', '\n', '   \n', '{"id":2,"note":"a\\nb"}\n'];
    const text = `${lines.join('')}{"id":3}`;
    const bytes = (n: number) => Buffer.byteLength(lines.slice(0, n).join(''));
    const out = await entries(text);
    expect(out.filter((e) => e.kind === 'record')).toEqual([
      { kind: 'record', record: { id: 1, name: 'Zoë' }, line: 1, end: bytes(1), lines: 1 },
      { kind: 'record', record: { id: 2, note: 'a\nb' }, line: 4, end: bytes(4), lines: 4 },
      { kind: 'record', record: { id: 3 }, line: 5, end: Buffer.byteLength(text), lines: 5 },
    ]);
  });

  it('reports bad JSON and values that are not objects with their line, and goes on', async () => {
    const out = await entries('{"id":1}\n{"id":\n[1,2]\nnull\n"text"\n{"id":2}\n');
    expect(out.map((e) => (e.kind === 'malformed' ? `${e.line}: ${e.reason}` : e.kind))).toEqual([
      'record',
      expect.stringMatching(/^2: not valid JSON \(/),
      '3: holds an array, not a JSON object',
      '4: holds a null, not a JSON object',
      '5: holds a string, not a JSON object',
      'record',
    ]);
  });

  it('resumes at a byte offset with the line count carried on', async () => {
    const out = await entries('{"id":1}\n{"id":2}\n', { offset: 9, lines: 1 });
    expect(out).toEqual([{ kind: 'record', record: { id: 2 }, line: 2, end: 18, lines: 2 }]);
  });
});

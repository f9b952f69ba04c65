import { appendFile, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonObject } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { read, tempFolder } from './helpers.ts';

const lines = (...records: JsonObject[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('reading files', () => {
  it('reads a folder file by file, then only what was added: appended lines and new files', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'b.jsonl'), lines({ id: 'b1' }, { id: 'b2' }));
    await writeFile(join(folder, 'a.csv'), 'id,name\na1,Ada\n');
    await writeFile(join(folder, 'notes.txt'), 'not a data file\n');
    await writeFile(join(folder, '.hidden.jsonl'), lines({ id: 'hidden' }));
    const first = await read({ path: folder });
    expect(first.error).toBeUndefined();
    expect(first.records.map((r) => r.id)).toEqual(['a1', 'b1', 'b2']);
    expect(Object.keys(first.state?.files as object)).toEqual(['a.csv', 'b.jsonl']);

    await appendFile(join(folder, 'b.jsonl'), lines({ id: 'b3' }));
    await appendFile(join(folder, 'a.csv'), 'a2,"Grace ""G"""\n');
    await writeFile(join(folder, 'c.jsonl'), lines({ id: 'c1' }));
    const second = await read({ path: folder }, first.state);
    expect(second.records).toEqual([{ id: 'a2', name: 'Grace "G"' }, { id: 'b3' }, { id: 'c1' }]);

    const third = await read({ path: folder }, second.state);
    expect(third.records).toEqual([]);
    expect(third.state).toEqual(second.state);
  });

  it('reads a rewritten file again from the start and forgets files that are gone', async () => {
    const folder = await tempFolder();
    const a = join(folder, 'a.jsonl');
    await writeFile(a, lines({ id: 1, v: 'x' }, { id: 2, v: 'y' }));
    await writeFile(join(folder, 'b.jsonl'), lines({ id: 3 }));
    const first = await read({ path: folder });
    // Same length, new content: only the fingerprint tells.
    await writeFile(a, lines({ id: 1, v: 'X' }, { id: 2, v: 'Y' }));
    await utimes(a, new Date(), new Date(Date.now() + 5000));
    await rm(join(folder, 'b.jsonl'));
    const second = await read({ path: folder }, first.state);
    expect(second.records).toEqual([
      { id: 1, v: 'X' },
      { id: 2, v: 'Y' },
    ]);
    expect(Object.keys(second.state?.files as object)).toEqual(['a.jsonl']);
    expect(second.logs.map((l) => l.message)).toContain(
      'a.jsonl changed since the last read: reading it from the start',
    );
  });

  it('with a cursor field, leaves out records not newer than the last read, even in a rewritten file', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'customers.csv');
    const config = { path, cursorField: 'updated_at' };
    await writeFile(path, 'id,updated_at\n1,2024-01-01\n2,2024-01-02\n3,2024-01-02\n');
    const first = await read(config);
    expect(first.state).toMatchObject({ cursor: '2024-01-02', keys: ['["2"]', '["3"]'] });
    // A full export again: 2 unchanged, 3 unchanged, 1 changed, 4 new at the boundary value.
    await writeFile(
      path,
      'id,updated_at\n1,2024-01-05\n2,2024-01-02\n3,2024-01-02\n4,2024-01-02\n',
    );
    const second = await read(config, first.state);
    expect(second.records.map((r) => r.id)).toEqual(['1', '4']);
    expect(second.state).toMatchObject({ cursor: '2024-01-05', keys: ['["1"]'] });
  });

  it.each([
    ['by files and lines', {}],
    ['with a cursor field', { cursorField: 'n' }],
  ])(
    'checkpoints every page; resuming from any checkpoint (%s) loses and repeats nothing',
    async (_, extra) => {
      const folder = await tempFolder();
      await writeFile(
        join(folder, 'a.jsonl'),
        lines({ id: 1, n: 5 }, { id: 2, n: 1 }, { id: 3, n: 9 }, { id: 4, n: 2 }),
      );
      await writeFile(join(folder, 'b.csv'), 'id,n\n5,3\n6,"7"\n7,8\n');
      const config = { path: folder, pageSize: 2, ...extra };
      const full = await read(config);
      const ids = full.records.map((r) => String(r.id));
      expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      // 8 lines (a CSV header counts) in pages of 2, then the final checkpoint.
      expect(full.states).toHaveLength(5);
      for (const [index, state] of full.states.entries()) {
        const covered = Math.min(ids.length, [2, 4, 5, 7, 7][index] as number);
        const resumed = await read(config, state);
        expect(resumed.records.map((r) => String(r.id))).toEqual(ids.slice(covered));
      }
      if ('cursorField' in extra) {
        expect(full.states[1]).toMatchObject({ pending: { cursor: 9, keys: ['[3]'] } });
        expect(full.states[1]).not.toHaveProperty('cursor');
        expect(full.state).toEqual({ files: expect.any(Object), cursor: 9, keys: ['[3]'] });
      }
    },
  );

  it('stops at a malformed line with a checkpoint before it; once fixed, the read resumes at that line', async () => {
    const folder = await tempFolder();
    const path = join(folder, 'events.jsonl');
    const good = lines({ id: 1 }, { id: 2 });
    await writeFile(path, `${good}{"id": 3,\n${lines({ id: 4 })}`);
    const first = await read({ path: folder });
    expect(first.error).toMatchObject({ code: 'FERRY_FILES_MALFORMED' });
    expect(first.error?.message).toContain(`${path}:3: not valid JSON`);
    expect(first.records).toEqual([{ id: 1 }, { id: 2 }]);
    expect(first.state).toMatchObject({
      files: { 'events.jsonl': { offset: good.length, lines: 2 } },
    });

    await writeFile(path, `${good}${lines({ id: 3 }, { id: 4 })}`);
    const second = await read({ path: folder }, first.state);
    expect(second.error).toBeUndefined();
    expect(second.records).toEqual([{ id: 3 }, { id: 4 }]);
  });

  it('checkpoints the files read before a file that fails, such as a CSV header naming a column twice', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'a.jsonl'), lines({ id: 1 }));
    await writeFile(join(folder, 'b.csv'), 'id,id\n2,3\n');
    const first = await read({ path: folder });
    expect(first.error).toMatchObject({ code: 'FERRY_FILES_CSV_HEADER' });
    expect(first.error?.message).toContain("column 'id' appears twice in the header");
    expect(first.state?.files).toMatchObject({ 'a.jsonl': { offset: 9 }, 'b.csv': { offset: 0 } });
    await writeFile(join(folder, 'b.csv'), 'id,other\n2,3\n');
    expect((await read({ path: folder }, first.state)).records).toEqual([{ id: '2', other: '3' }]);
  });

  it('skips malformed lines with a warning naming file and line when malformed is skip', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'a.csv'), 'id,name\n1,a\n2\n3,c\n');
    await writeFile(join(folder, 'b.jsonl'), '{"id":4}\n[]\n');
    const result = await read({ path: folder, malformed: 'skip' });
    expect(result.error).toBeUndefined();
    expect(result.records.map((r) => String(r.id))).toEqual(['1', '3', '4']);
    expect(result.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      `skipped ${join(folder, 'a.csv')}:3: has 1 field(s), the header has 2`,
      `skipped ${join(folder, 'b.jsonl')}:2: holds an array, not a JSON object`,
    ]);
  });

  it('stops at a CSV quote left open even when malformed lines are skipped', async () => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'a.csv'), 'id,name\n1,"a"x\n2,b\n3,"open\n4,d\n');
    const result = await read({ path: folder, malformed: 'skip' });
    expect(result.records).toEqual([{ id: '2', name: 'b' }]);
    expect(result.logs.map((l) => l.message)).toEqual([
      `skipped ${join(folder, 'a.csv')}:2: a closing quote is followed by other characters than a delimiter`,
    ]);
    expect(result.error?.message).toContain(
      'a.csv:4: a quoted field is not closed before the end of the file',
    );
  });

  it('selects files with a glob, below folders too, with names relative to the glob folder', async () => {
    const folder = await tempFolder();
    await mkdir(join(folder, 'in', '2024', '05'), { recursive: true });
    await writeFile(join(folder, 'in', 'top.jsonl'), lines({ id: 'top' }));
    await writeFile(join(folder, 'in', '2024', '05', 'day.jsonl'), lines({ id: 'day' }));
    await writeFile(join(folder, 'in', '2024', 'skip.csv'), 'id\nno\n');
    const result = await read({ path: `${folder}/in/**/*.jsonl` });
    expect(result.records.map((r) => r.id)).toEqual(['day', 'top']);
    expect(Object.keys(result.state?.files as object)).toEqual(['2024/05/day.jsonl', 'top.jsonl']);
    expect((await read({ path: `${folder}/in/*.csv` })).records).toEqual([]);
  });

  it('fails clearly on a path that does not exist and on a file whose format it cannot tell', async () => {
    const folder = await tempFolder();
    const missing = await read({ path: join(folder, 'nope.csv') });
    expect(missing.error).toMatchObject({ code: 'FERRY_FILES_NOT_FOUND' });
    expect(missing.error?.message).toContain(`${join(folder, 'nope.csv')} does not exist`);
    await writeFile(join(folder, 'data.txt'), lines({ id: 1 }));
    const unknown = await read({ path: join(folder, 'data.txt') });
    expect(unknown.error).toMatchObject({ code: 'FERRY_FILES_FORMAT_UNKNOWN' });
    expect((await read({ path: join(folder, 'data.txt'), format: 'jsonl' })).records).toEqual([
      { id: 1 },
    ]);
  });
});

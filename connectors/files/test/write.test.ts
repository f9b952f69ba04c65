import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, tempFolder, write } from './helpers.ts';

describe('writing files', () => {
  it('upserts JSON Lines by key in place, keeps other lines as they are, and rejects records without a key', async () => {
    const path = join(await tempFolder(), 'out.jsonl');
    await writeFile(
      path,
      '{"id":1,"v":"a"}\nkept as is\n{"id":2,"v":"b"}\n{"id":1,"v":"stale copy"}\n',
    );
    const results = await write({ path }, [
      { id: 2, v: 'B' },
      { v: 'no key' },
      { id: 3, v: 'c' },
      { id: 1, v: 'first' },
      { id: 1, v: 'A' },
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(results[1]?.reason).toBe(
      "the record has no value for 'id' (primary key: id), which an upsert needs",
    );
    expect(await readFile(path, 'utf8')).toBe(
      '{"id":1,"v":"A"}\nkept as is\n{"id":2,"v":"B"}\n{"id":3,"v":"c"}\n',
    );
  });

  it('leaves the same bytes when the same batch is written twice, with composite keys', async () => {
    const path = join(await tempFolder(), 'out.csv');
    const config = { path, primaryKey: ['account', 'id'] };
    const batch = [
      { account: 'x', id: 1, name: 'Ada' },
      { account: 'y', id: 1, name: 'Grace' },
    ];
    await write(config, batch);
    const once = await readFile(path, 'utf8');
    await write(config, batch);
    expect(await readFile(path, 'utf8')).toBe(once);
    expect(once).toBe('account,id,name\nx,1,Ada\ny,1,Grace\n');
  });

  it('round-trips CSV values: null and empty string, quotes, newlines, unicode, booleans, nested values', async () => {
    const path = join(await tempFolder(), 'out.csv');
    const schema = {
      properties: {
        id: { type: 'integer' },
        ok: { type: 'boolean' },
        tags: { type: 'array' },
        note: {},
      },
    };
    const record = {
      id: 1,
      note: 'say "hi",\nthen go',
      empty: '',
      none: null,
      ok: true,
      tags: ['ü', 2],
      emoji: '🚢',
    };
    await write({ path, schema }, [record]);
    expect(await readFile(path, 'utf8')).toBe(
      'id,ok,tags,note,empty,none,emoji\n1,true,"[""ü"",2]","say ""hi"",\nthen go","",,🚢\n',
    );
    expect((await read({ path, schema })).records).toEqual([record]);
  });

  it('adds a column for a new field on upsert, padding the rows already there, and keeps a BOM', async () => {
    const path = join(await tempFolder(), 'out.csv');
    await writeFile(path, '\uFEFFid,name\r\n1,"Ada"\r\n2,\r\n');
    await write({ path }, [{ id: '2', name: 'Grace', plan: 'pro' }]);
    expect(await readFile(path, 'utf8')).toBe('\uFEFFid,name,plan\n1,Ada,\n2,Grace,pro\n');
  });

  it('appends lines in append mode, writing the CSV header once and rejecting fields that are not columns', async () => {
    const path = join(await tempFolder(), 'log.csv');
    const config = { path, writeMode: 'append' };
    expect((await write(config, [{ at: 1, msg: 'a' }, { at: 2 }])).map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    const results = await write(config, [
      { at: 1, msg: 'a' },
      { at: 3, level: 'warn', tag: 'x' },
    ]);
    expect(results[1]).toEqual({
      index: 1,
      status: 'rejected',
      reason:
        "field(s) 'level', 'tag' are not columns of log.csv (columns: at, msg); append mode cannot add columns: use writeMode upsert, which rewrites the file with the new columns, or leave the fields out",
    });
    // Append is not idempotent: the repeated record is there twice.
    expect(await readFile(path, 'utf8')).toBe('at,msg\n1,a\n2,\n1,a\n');
  });

  it('appends JSON Lines after a last line cut short, so records never merge into it', async () => {
    const path = join(await tempFolder(), 'log.jsonl');
    await writeFile(path, '{"id":1}\n{"id":2,"v":"cut sh');
    await write({ path, writeMode: 'append' }, [{ id: 3 }]);
    expect(await readFile(path, 'utf8')).toBe('{"id":1}\n{"id":2,"v":"cut sh\n{"id":3}\n');
    const result = await read({ path });
    expect(result.error?.message).toContain(`${path}:2: not valid JSON`);
  });

  it('rejects fields outside csv.columns for a file without header, and text Latin-1 cannot hold', async () => {
    const path = join(await tempFolder(), 'out.csv');
    const csv = { header: false, columns: ['id', 'name'], encoding: 'latin1' };
    const results = await write({ path, csv }, [
      { id: 1, name: 'José' },
      { id: 2, extra: 1 },
      { id: 3, name: '日本' },
    ]);
    expect(results.map((r) => r.reason)).toEqual([
      undefined,
      "field(s) 'extra' are not in csv.columns (id, name)",
      "field 'name' has characters that Latin-1 cannot encode (csv.encoding is latin1)",
    ]);
    expect(await readFile(path)).toEqual(Buffer.from('1,José\n', 'latin1'));
  });

  it('refuses a target that is not one file, and leaves a file with broken quoting unchanged', async () => {
    const folder = await tempFolder();
    await expect(write({ path: folder }, [{ id: 1 }])).rejects.toMatchObject({
      code: 'FERRY_FILES_WRITE_TARGET',
    });
    await expect(write({ path: `${folder}/*.csv` }, [{ id: 1 }])).rejects.toMatchObject({
      code: 'FERRY_FILES_WRITE_TARGET',
    });
    await expect(write({ path: join(folder, 'no', 'x.csv') }, [{ id: 1 }])).rejects.toMatchObject({
      code: 'FERRY_FILES_NOT_FOUND',
    });
    const path = join(folder, 'broken.csv');
    await writeFile(path, 'id,name\n1,"open\n');
    await expect(write({ path }, [{ id: 2 }])).rejects.toMatchObject({
      code: 'FERRY_FILES_MALFORMED',
      message: expect.stringContaining(`${path}:2: a quoted field is not closed`),
    });
    expect(await readFile(path, 'utf8')).toBe('id,name\n1,"open\n');
  });
});

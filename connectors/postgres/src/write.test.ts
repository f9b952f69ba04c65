import { records } from '@ferry/declarative/testing';
import { describe, expect, it } from 'vitest';
import { usePostgres } from '../test/postgres.ts';

const db = usePostgres();

/** The column types of a table, by name. */
async function types(schema: string, table = 'items') {
  const rows = await db.sql(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.type]));
}

describe('upserts into PostgreSQL', () => {
  it('creates the table with its key, and writing the same records again changes nothing', async () => {
    const config = await db.freshConfig();
    const batch = [
      { id: 1, name: 'Ada', score: 10 },
      { id: 2, name: 'Grace', score: 12.5 },
    ];
    const first = await db.write(config, [batch]);
    expect(first).toEqual([
      { index: 0, status: 'accepted', id: '1' },
      { index: 1, status: 'accepted', id: '2' },
    ]);
    const table = `${config.schema}.items`;
    const before = await db.sql(`SELECT xmin::text AS version, * FROM ${table} ORDER BY id`);
    await db.write(config, [batch]);
    const after = await db.sql(`SELECT xmin::text AS version, * FROM ${table} ORDER BY id`);
    // same rows, and not even rewritten: an upsert that changes nothing updates nothing
    expect(after).toEqual(before);
    expect(after.map((r) => [r.id, r.name, r.score])).toEqual([
      ['1', 'Ada', '10'],
      ['2', 'Grace', '12.5'],
    ]);
    const key = await db.sql(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [table],
    );
    expect(key).toEqual([{ attname: 'id' }]);
  });

  it('upserts a batch whose first key is new and a later one is not (the direct COPY falls back)', async () => {
    const config = await db.freshConfig();
    await db.write(config, [[{ id: 2, name: 'old', note: 'kept' }]]);
    const results = await db.write(config, [
      [
        { id: 1, name: 'new' },
        { id: 2, name: 'updated' },
        { id: 3, name: 'also new' },
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(records(await db.read(config))).toEqual([
      { id: 1, name: 'new', note: null },
      { id: 2, name: 'updated', note: 'kept' },
      { id: 3, name: 'also new', note: null },
    ]);
  });

  it('adds a column per new field with a conservative type, leaving absent fields as they are', async () => {
    const config = await db.freshConfig();
    await db.write(config, [[{ id: 'a', name: 'Ada', note: null }]]);
    expect(await types(config.schema as string)).toEqual({ id: 'text', name: 'text' });
    await db.write(config, [
      [
        {
          id: 'a',
          vip: true,
          amount: 3,
          seen: '2024-05-01T10:00:00Z',
          tags: ['x'],
          address: { city: 'Paris' },
        },
        { id: 'b', name: 'Bob', mixed: 1 },
        { id: 'c', name: null, mixed: 'one' },
      ],
    ]);
    expect(await types(config.schema as string)).toEqual({
      id: 'text',
      name: 'text',
      vip: 'boolean',
      amount: 'numeric',
      seen: 'text',
      tags: 'jsonb',
      address: 'jsonb',
      mixed: 'jsonb',
    });
    const read = records(await db.read(config));
    expect(read).toEqual([
      {
        id: 'a',
        name: 'Ada',
        vip: true,
        amount: 3,
        seen: '2024-05-01T10:00:00Z',
        tags: ['x'],
        address: { city: 'Paris' },
        mixed: null,
      },
      {
        id: 'b',
        name: 'Bob',
        vip: null,
        amount: null,
        seen: null,
        tags: null,
        address: null,
        mixed: 1,
      },
      {
        id: 'c',
        name: null,
        vip: null,
        amount: null,
        seen: null,
        tags: null,
        address: null,
        mixed: 'one',
      },
    ]);
  });

  it('merges the versions of a key in one batch, as if they were written one after another', async () => {
    const config = await db.freshConfig();
    const results = await db.write(config, [
      [
        { id: 1, name: 'Ada', city: 'London' },
        { id: 1, city: 'Paris', vip: true },
        { id: 1, name: 'Ada L.' },
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(records(await db.read(config))).toEqual([
      { id: 1, name: 'Ada L.', city: 'Paris', vip: true },
    ]);
  });

  it('writes any text, JSON and unicode unchanged, and tells NULL from the text NULL', async () => {
    const config = await db.freshConfig();
    const tricky = [
      { id: 1, text: 'tab\there, newline\nhere, return\rhere, backslash\\here' },
      { id: 2, text: '\\N' },
      { id: 3, text: '\\.' },
      { id: 4, text: '' },
      { id: 5, text: null },
      { id: 6, text: 'NULL' },
      { id: 7, text: '"double" \'single\' ,;|' },
      { id: 8, text: 'Ünïcödé — 日本語 — العربية — 🚀👩‍👩‍👧 — e\u0301' },
      {
        id: 9,
        json: {
          nested: { quote: '"', tab: '\t', nl: '\n', bs: '\\', emoji: '🚀', list: [1, null, 'x'] },
        },
      },
      { id: 10, json: 'a string in a jsonb column' },
      { id: 11, json: [] },
    ];
    const results = await db.write(config, [tricky]);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    const read = records(await db.read(config));
    expect(read).toEqual(tricky.map((r) => ({ text: null, json: null, ...r })));
    const [empty] = await db.sql(
      `SELECT text IS NULL AS is_null FROM ${config.schema}.items WHERE id = 4`,
    );
    expect(empty).toEqual({ is_null: false });
  });

  it('respects the types of an existing table: timestamps, arrays, json, varchar', async () => {
    const config = await db.freshConfig({ key: ['org', 'id'] });
    await db.sql(`CREATE TABLE ${config.schema}.items (
      org text, id int, at timestamptz, day date, labels text[], counts int[], doc json, code varchar(3),
      PRIMARY KEY (org, id))`);
    const results = await db.write(config, [
      [
        {
          org: 'x',
          id: 1,
          at: '2024-05-01T12:00:00.123456+02:00',
          day: '2024-05-01',
          labels: ['a,b', 'c"d', null],
          counts: [1, 2],
          doc: { k: [1] },
          code: 'abc',
        },
        { org: 'y', id: 1, at: '2024-05-01 10:00:00', labels: [], code: null },
      ],
    ]);
    expect(results.map((r) => r.id)).toEqual(['["x",1]', '["y",1]']);
    expect(records(await db.read(config))).toEqual([
      {
        org: 'x',
        id: 1,
        at: '2024-05-01T10:00:00.123456Z',
        day: '2024-05-01',
        labels: ['a,b', 'c"d', null],
        counts: [1, 2],
        doc: { k: [1] },
        code: 'abc',
      },
      {
        org: 'y',
        id: 1,
        at: '2024-05-01T10:00:00Z',
        day: null,
        labels: [],
        counts: null,
        doc: null,
        code: null,
      },
    ]);
  });
});

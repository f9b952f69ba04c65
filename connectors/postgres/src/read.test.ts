import { records, states } from '@ferry/declarative/testing';
import type { JsonObject, Message } from '@ferry/sdk';
import { describe, expect, it } from 'vitest';
import { usePostgres } from '../test/postgres.ts';

const db = usePostgres();

const ids = (messages: Message[]) => records(messages).map((r) => r.id);

/** A table of rows whose cursor values tie, across page boundaries. */
async function tiedTable(pageSize = 2) {
  const config = await db.freshConfig({ cursorColumn: 'updated_at', pageSize });
  const table = `${config.schema}.items`;
  await db.sql(`CREATE TABLE ${table} (id int PRIMARY KEY, name text, updated_at timestamptz)`);
  await db.sql(`INSERT INTO ${table} VALUES
    (1, 'a', '2024-01-01 10:00:00.000001+00'), (2, 'b', '2024-01-01 09:00:00+00'),
    (3, 'c', '2024-01-01 10:00:00.000001+00'), (4, 'd', '2024-01-01 09:00:00+00'),
    (5, 'e', '2024-01-01 10:00:00.000001+00'), (6, 'f', '2024-01-01 09:00:00+00'),
    (7, 'g', '2024-01-02 00:00:00+00'), (8, 'h', NULL)`);
  return { config, table };
}

describe('incremental reads', () => {
  it('read in (cursor, key) order in pages, with a STATE after each page', async () => {
    const { config } = await tiedTable();
    const messages = await db.read(config);
    expect(ids(messages)).toEqual([2, 4, 6, 1, 3, 5, 7]);
    expect(states(messages)).toEqual([
      { column: 'updated_at', cursor: '2024-01-01T09:00:00Z', keys: ['[2]', '[4]'] },
      { column: 'updated_at', cursor: '2024-01-01T10:00:00.000001Z', keys: ['[1]'] },
      { column: 'updated_at', cursor: '2024-01-01T10:00:00.000001Z', keys: ['[1]', '[3]', '[5]'] },
      { column: 'updated_at', cursor: '2024-01-02T00:00:00Z', keys: ['[7]'] },
    ]);
    const warning = messages.find((m) => m.type === 'LOG' && m.level === 'warn');
    expect(warning).toMatchObject({ message: expect.stringContaining('1 rows of table') });
  });

  it('read from a state only what is new, including a late row at the boundary value', async () => {
    const { config, table } = await tiedTable();
    const last = states(await db.read(config)).at(-1) as JsonObject;
    await db.sql(`INSERT INTO ${table} VALUES (0, 'late', '2024-01-02 00:00:00+00')`);
    await db.sql(`UPDATE ${table} SET updated_at = '2024-01-03' WHERE id = 2`);
    await db.sql(`INSERT INTO ${table} VALUES (9, 'new', '2024-01-03')`);
    const next = await db.read(config, last);
    expect(ids(next)).toEqual([0, 2, 9]);
    expect(states(next).at(-1)).toEqual({
      column: 'updated_at',
      cursor: '2024-01-03T00:00:00Z',
      keys: ['[2]', '[9]'],
    });
    expect(ids(await db.read(config, states(next).at(-1)))).toEqual([]);
  });

  it('resume from any page state with every row exactly once', async () => {
    const { config } = await tiedTable();
    const full = await db.read(config);
    const everything = ids(full);
    for (const state of states(full)) {
      const before = full.slice(
        0,
        full.findIndex((m) => m.type === 'STATE' && m.state === state),
      );
      const after = await db.read(config, state);
      expect([...ids(before), ...ids(after)]).toEqual(everything);
    }
  });

  it('work on a query, with a composite key and a numeric cursor', async () => {
    const config = await db.freshConfig({
      table: undefined,
      key: ['org', 'id'],
      cursorColumn: 'seq',
      pageSize: 2,
    });
    const s = config.schema;
    await db.sql(`CREATE TABLE ${s}.orgs (org text PRIMARY KEY, region text)`);
    await db.sql(
      `CREATE TABLE ${s}.orders (org text, id int, total numeric(10,2), seq bigint, PRIMARY KEY (org, id))`,
    );
    await db.sql(`INSERT INTO ${s}.orgs VALUES ('a', 'eu'), ('b', 'us')`);
    await db.sql(
      `INSERT INTO ${s}.orders VALUES ('b', 1, 10.50, 1), ('a', 1, 3, 1), ('a', 2, 7.25, 2)`,
    );
    config.query = `SELECT o.org, o.id, o.total, g.region, o.seq FROM ${s}.orders o JOIN ${s}.orgs g USING (org);`;
    const messages = await db.read(config);
    expect(records(messages)).toEqual([
      { org: 'a', id: 1, total: 3, region: 'eu', seq: 1 },
      { org: 'b', id: 1, total: 10.5, region: 'us', seq: 1 },
      { org: 'a', id: 2, total: 7.25, region: 'eu', seq: 2 },
    ]);
    expect(states(messages).at(-1)).toEqual({ column: 'seq', cursor: 2, keys: ['["a",2]'] });
    await db.sql(`INSERT INTO ${s}.orders VALUES ('b', 2, 1, 2)`);
    expect(records(await db.read(config, states(messages).at(-1)))).toEqual([
      { org: 'b', id: 2, total: 1, region: 'us', seq: 2 },
    ]);
  });
});

describe('full reads', () => {
  it('read every row in key order, in pages, with no state, whatever state is given', async () => {
    const config = await db.freshConfig({ pageSize: 3 });
    await db.sql(
      `CREATE TABLE ${config.schema}.items AS SELECT g AS id, g * 2 AS double FROM generate_series(1, 10) g`,
    );
    const messages = await db.read(config, { cursor: 5, keys: [] });
    expect(ids(messages)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(states(messages)).toEqual([]);
  });
});

describe('mistakes', () => {
  it('are coded errors naming what to fix', async () => {
    const { config } = await tiedTable();
    await expect(db.read(config, { column: 'created_at', cursor: 'x', keys: [] })).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_STATE_INVALID',
        message: expect.stringContaining("saved for cursor column 'created_at'"),
      }),
    );
    await expect(db.read(config, { cursor: { at: 1 } })).rejects.toThrow(
      expect.objectContaining({ code: 'FERRY_STATE_INVALID' }),
    );
    await expect(db.read({ ...config, query: 'SELECT 1 AS id' })).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_CONFIG_INVALID',
        message: expect.stringContaining('both table and query'),
      }),
    );
    await expect(db.read({ ...config, table: 'missing' })).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_PG_QUERY_FAILED',
        message: expect.stringMatching(/relation ".*missing" does not exist \[SQLSTATE 42P01\]/),
      }),
    );
    await expect(
      db.write({ ...config, table: undefined, query: 'SELECT 1' }, [[{ id: 1 }]]),
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_CONFIG_INVALID',
        message: expect.stringContaining('a write needs `table`'),
      }),
    );
  });
});

describe('check', () => {
  it('passes on a working config and fails with the reason, never the password', async () => {
    const { config } = await tiedTable();
    expect(await db.connector.check(config)).toEqual({ ok: true });
    const wrong = await db.connector.check({ ...config, password: 'not-the-password' });
    expect(wrong).toEqual({
      ok: false,
      message: expect.stringMatching(/^FERRY_PG_CONNECT_FAILED: .*password authentication failed/),
    });
    expect(wrong.ok === false && wrong.message).not.toContain('not-the-password');
    const tls = await db.connector.check({ ...config, ssl: 'require' });
    expect(tls).toEqual({
      ok: false,
      message: expect.stringContaining('The server does not support SSL connections'),
    });
    const url = await db.connector.check({ connectionString: db.service.url, table: 'items' });
    expect(url).toEqual({ ok: true });
    const query = await db.connector.check({
      ...config,
      table: undefined,
      query: 'SELECT nope FROM nowhere',
    });
    expect(query).toEqual({
      ok: false,
      message: expect.stringContaining('relation "nowhere" does not exist'),
    });
  });
});

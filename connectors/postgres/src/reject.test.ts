import { describe, expect, it } from 'vitest';
import { usePostgres } from '../test/postgres.ts';

const db = usePostgres();

describe('records PostgreSQL refuses', () => {
  it('are rejected one by one with its reason, and every other record is written', async () => {
    const config = await db.freshConfig();
    await db.sql(`CREATE TABLE ${config.schema}.items (
      id bigint PRIMARY KEY, name text NOT NULL, amount bigint, code varchar(3), qty int CHECK (qty >= 0))`);
    const results = await db.write(config, [
      [
        { id: 1, name: 'fine', amount: 5 },
        { id: 2, name: 'x', amount: 'abc' },
        { id: 3, name: 'x', code: 'too long' },
        { id: 4, name: 'x', qty: -1 },
        { id: 5, name: null },
        { id: 6, name: 'x', note: 'NUL \u0000 inside' },
        { name: 'no key' },
        { id: 7, name: 'also fine', amount: 1.5 },
        { id: 8, name: 'fine too', code: 'abc', qty: 3, note: 'ok' },
      ],
    ]);
    const outcome = Object.fromEntries(
      results.map((r) => [r.index, r.status === 'accepted' ? 'accepted' : r.reason]),
    );
    expect(outcome).toEqual({
      0: 'accepted',
      1: 'column amount: invalid input syntax for type bigint: "abc" [SQLSTATE 22P02]',
      2: 'column code: value too long for type character varying(3) [SQLSTATE 22001]',
      3: expect.stringMatching(/violates check constraint "items_qty_check".*\[SQLSTATE 23514\]$/),
      4: expect.stringMatching(/column name: null value in column "name".*\[SQLSTATE 23502\]$/),
      5: 'invalid byte sequence for encoding "UTF8": 0x00 [SQLSTATE 22021]',
      6: "the record has no 'id' (the key column id)",
      7: 'column amount: invalid input syntax for type bigint: "1.5" [SQLSTATE 22P02]',
      8: 'accepted',
    });
    const rows = await db.sql(
      `SELECT id, name, amount, code, qty, note FROM ${config.schema}.items ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: '1', name: 'fine', amount: '5', code: null, qty: null, note: null },
      { id: '8', name: 'fine too', amount: null, code: 'abc', qty: 3, note: 'ok' },
    ]);
  });

  it('rejects every version of a key when their merged row is refused', async () => {
    const config = await db.freshConfig();
    await db.sql(`CREATE TABLE ${config.schema}.items (id int PRIMARY KEY, n int)`);
    const results = await db.write(config, [
      [
        { id: 1, n: 1 },
        { id: 2, n: 2 },
        { id: 1, n: 'x' },
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted', 'rejected']);
    expect(results[0]?.reason).toBe(results[2]?.reason);
    expect(await db.sql(`SELECT id, n FROM ${config.schema}.items`)).toEqual([{ id: 2, n: 2 }]);
  });
});

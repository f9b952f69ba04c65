import { records } from '@ferry/declarative/testing';
import { describe, expect, it } from 'vitest';
import { usePostgres } from '../test/postgres.ts';

const db = usePostgres();

/** The connector's sessions (its pools set application_name). */
const CONNECTOR = "application_name = 'ferry-connector-postgres'";

const batch = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    id: from + i,
    name: `row ${from + i}`,
    extra: i,
  }));

/** The table's columns, from the catalog: readable while a write holds the table's lock. */
async function columns(schema: string) {
  const rows = await db.sql(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'items' ORDER BY ordinal_position`,
    [schema],
  );
  return rows.map((c) => c.column_name);
}

/** What the table holds, and which columns it has. */
async function contents(schema: string) {
  const rows = await db.sql(`SELECT id FROM ${schema}.items ORDER BY id`);
  return { columns: await columns(schema), ids: rows.map((r) => Number(r.id)) };
}

describe('a batch that fails half-way', () => {
  it('leaves nothing behind, not even the columns it added, and throws to be retried whole', async () => {
    const config = await db.freshConfig();
    await db.write(config, [[{ id: 1, name: 'before' }]]);
    // a trigger that fails on the third row, after two rows were inserted in the transaction
    await db.sql(`CREATE FUNCTION ${config.schema}.boom() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.id = 4 THEN RAISE EXCEPTION 'refused by a trigger'; END IF; RETURN NEW; END $$`);
    await db.sql(
      `CREATE TRIGGER boom BEFORE INSERT ON ${config.schema}.items FOR EACH ROW EXECUTE FUNCTION ${config.schema}.boom()`,
    );
    const write = db.write(config, [batch(2, 6)]);
    await expect(write).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_PG_QUERY_FAILED',
        message: expect.stringContaining('refused by a trigger [SQLSTATE P0001]'),
      }),
    );
    expect(await contents(config.schema as string)).toEqual({ columns: ['id', 'name'], ids: [1] });
    await db.sql(`DROP TRIGGER boom ON ${config.schema}.items`);
    await db.write(config, [batch(2, 6)]);
    expect(await contents(config.schema as string)).toEqual({
      columns: ['id', 'name', 'extra'],
      ids: [1, 2, 3, 4, 5, 6],
    });
  });

  it('survives its session being killed: retried on a new connection, written once', async () => {
    const config = await db.freshConfig();
    await db.write(config, [[{ id: 1, name: 'before' }]]);
    // the write waits inside its transaction on a lock the test holds, so it can be killed there
    await db.sql(`CREATE FUNCTION ${config.schema}.wait() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.id = 3 THEN PERFORM pg_advisory_xact_lock(4242); END IF; RETURN NEW; END $$`);
    await db.sql(
      `CREATE TRIGGER wait BEFORE INSERT ON ${config.schema}.items FOR EACH ROW EXECUTE FUNCTION ${config.schema}.wait()`,
    );
    const holder = await db.connect();
    await holder.query('SELECT pg_advisory_lock(4242)');
    let settled = false;
    const write = db.write(config, [batch(2, 5)]).finally(() => {
      settled = true;
    });
    write.catch(() => {});
    const killed: number[] = [];
    while (!settled) {
      const [waiting] = await db.sql(
        `SELECT pid FROM pg_stat_activity WHERE ${CONNECTOR} AND wait_event = 'advisory'`,
      );
      if (waiting) {
        // the transaction holds the table's lock: only the catalog can be read meanwhile
        expect(await columns(config.schema as string)).toEqual(['id', 'name']);
        await db.sql('SELECT pg_terminate_backend($1)', [waiting.pid]);
        killed.push(waiting.pid as number);
        if (killed.length === 2) await holder.query('SELECT pg_advisory_unlock(4242)');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.end();
    // killed twice, the third attempt went through: every row once
    expect(new Set(killed).size).toBe(2);
    expect(await write).toHaveLength(4);
    expect(await contents(config.schema as string)).toEqual({
      columns: ['id', 'name', 'extra'],
      ids: [1, 2, 3, 4, 5],
    });
  });

  it('is thrown when the session is killed on every attempt, leaving nothing behind', async () => {
    const config = await db.freshConfig();
    await db.write(config, [[{ id: 1, name: 'before' }]]);
    await db.sql(`CREATE FUNCTION ${config.schema}.wait() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN PERFORM pg_advisory_xact_lock(4343); RETURN NEW; END $$`);
    await db.sql(
      `CREATE TRIGGER wait BEFORE INSERT ON ${config.schema}.items FOR EACH ROW EXECUTE FUNCTION ${config.schema}.wait()`,
    );
    const holder = await db.connect();
    await holder.query('SELECT pg_advisory_lock(4343)');
    let settled = false;
    const write = db.write(config, [batch(2, 3)]).finally(() => {
      settled = true;
    });
    write.catch(() => {});
    while (!settled) {
      await db.sql(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${CONNECTOR} AND wait_event = 'advisory'`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.end();
    await expect(write).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_PG_QUERY_FAILED',
        message: expect.stringMatching(/writing 2 records to .*terminat/),
      }),
    );
    expect(await contents(config.schema as string)).toEqual({ columns: ['id', 'name'], ids: [1] });
  });
});

describe('connections the server closes between batches and pages', () => {
  it('are replaced without losing a batch or a page', async () => {
    const config = await db.freshConfig({ cursorColumn: 'id', pageSize: 2 });
    const terminate = () =>
      db.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${CONNECTOR}`);
    await db.write(config, [batch(1, 3)]);
    await terminate();
    await db.write(config, [batch(4, 6)]);
    const read: unknown[] = [];
    for await (const messages of db.connector.read(config, { streams: ['rows'] })) {
      read.push(...records(messages).map((r) => r.id));
      await terminate();
    }
    expect(read).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from './execute-run.ts';
import type { PlanSpec } from './plan.ts';
import { RunPool } from './pool.ts';
import {
  customers,
  customersApi,
  customersConnector,
  hostileConnector as hostile,
  SQLITE_CONNECTOR,
  tempDir,
} from './test-fixtures.ts';

const pool = new RunPool({ threads: 2, memoryMb: 96 });
afterAll(() => pool.close());

async function sqliteDestination() {
  const db = join(await tempDir('db-'), 'out.db');
  return {
    db,
    destination: {
      target: SQLITE_CONNECTOR,
      config: { path: db, table: 'people', key: 'id' },
      stream: 'rows',
    },
  };
}

describe('RunPool (worker threads)', () => {
  it('runs a pipeline in a worker; checkpoints reach the main thread in order', async () => {
    const server = await customersApi(customers(1000));
    const { db, destination } = await sqliteDestination();
    const checkpoints: Checkpoint[] = [];
    const plan: PlanSpec = {
      runId: 'r1',
      recipe: 'customers',
      source: {
        target: await customersConnector(),
        config: { baseUrl: server.url },
        stream: 'customers',
      },
      destination,
    };
    const counts = await pool.run(plan, { commit: async (c) => void checkpoints.push(c) });
    expect(counts).toEqual({ read: 1000, written: 1000, failed: 0, deadLettered: 0 });
    expect(checkpoints.map((c) => c.state?.cursor)).toEqual([200, 400, 600, 800, 1000]);
    expect(
      new Database(db, { readonly: true }).prepare('SELECT count(*) AS n FROM people').get(),
    ).toEqual({ n: 1000 });
  });

  it.each([
    {
      handler: 'spin' as const,
      behaviour: 'loops forever',
      code: 'FERRY_RUN_TIMEOUT',
      timeoutMs: 3000,
    },
    {
      handler: 'hoard' as const,
      behaviour: 'allocates without bound',
      code: 'FERRY_RUN_OUT_OF_MEMORY',
      timeoutMs: 60_000,
    },
  ])(
    'stops a connector that $behaviour with $code, and the pool keeps working',
    async ({ handler, code, timeoutMs }) => {
      const { destination } = await sqliteDestination();
      const plan: PlanSpec = {
        runId: `${handler}-1`,
        recipe: handler,
        source: { target: await hostile(handler), config: {}, stream: 'items' },
        destination,
      };
      await expect(pool.run(plan, { commit: async () => {} }, { timeoutMs })).rejects.toMatchObject(
        { code },
      );
      const server = await customersApi(customers(10));
      const source = {
        target: await customersConnector(),
        config: { baseUrl: server.url },
        stream: 'customers',
      };
      const after = await pool.run(
        { ...plan, runId: `${handler}-2`, source },
        { commit: async () => {} },
      );
      expect(after.written).toBe(10);
    },
  );
});

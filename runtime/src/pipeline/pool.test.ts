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

  it('stops a connector that loops forever with FERRY_RUN_TIMEOUT, and the pool keeps working', async () => {
    const { destination } = await sqliteDestination();
    const plan: PlanSpec = {
      runId: 'r2',
      recipe: 'spin',
      source: { target: await hostile('spin'), config: {}, stream: 'items' },
      destination,
    };
    await expect(
      pool.run(plan, { commit: async () => {} }, { timeoutMs: 3000 }),
    ).rejects.toMatchObject({ code: 'FERRY_RUN_TIMEOUT' });
    const server = await customersApi(customers(10));
    const after = await pool.run(
      {
        ...plan,
        runId: 'r3',
        source: {
          target: await customersConnector(),
          config: { baseUrl: server.url },
          stream: 'customers',
        },
      },
      { commit: async () => {} },
    );
    expect(after.written).toBe(10);
  });

  it('stops a connector that allocates without bound with FERRY_RUN_OUT_OF_MEMORY, and the pool keeps working', async () => {
    const { destination } = await sqliteDestination();
    const plan: PlanSpec = {
      runId: 'r4',
      recipe: 'hoard',
      source: { target: await hostile('hoard'), config: {}, stream: 'items' },
      destination,
    };
    await expect(
      pool.run(plan, { commit: async () => {} }, { timeoutMs: 60_000 }),
    ).rejects.toMatchObject({ code: 'FERRY_RUN_OUT_OF_MEMORY' });
    const server = await customersApi(customers(10));
    const after = await pool.run(
      {
        ...plan,
        runId: 'r5',
        source: {
          target: await customersConnector(),
          config: { baseUrl: server.url },
          stream: 'customers',
        },
      },
      { commit: async () => {} },
    );
    expect(after.written).toBe(10);
  });
});

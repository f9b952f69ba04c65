import { join } from 'node:path';
import { openConnector } from '@ferry/declarative';
import type { RecordSchema } from '@ferry/manifest';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Checkpoint, executeRun } from './execute-run.ts';
import {
  customers,
  customersApi,
  customersConnector,
  SQLITE_CONNECTOR,
  tempDir,
} from './test-fixtures.ts';

async function plan(rows = customers(450, 100), overrides: object = {}) {
  const server = await customersApi(rows);
  const source = await openConnector(await customersConnector());
  const db = join(await tempDir('db-'), 'out.db');
  return {
    db,
    plan: {
      runId: 'run-1',
      recipe: 'customers',
      source: {
        connector: source,
        config: { baseUrl: server.url },
        stream: 'customers',
        schema: source.discover()[0]?.schema as RecordSchema,
      },
      destination: {
        connector: await openConnector(SQLITE_CONNECTOR),
        config: { path: db, table: 'people', key: 'email' },
        stream: 'rows',
      },
      mapping: { email: 'email', name: "first & ' ' & last", source_id: 'id' },
      ...overrides,
    },
  };
}

describe('executeRun (in process)', () => {
  it('reads, validates, maps and writes; invalid records become dead letters; state commits after each acknowledged page', async () => {
    const { db, plan: p } = await plan();
    const checkpoints: Checkpoint[] = [];
    const counts = await executeRun(p, {
      commit: async (c) => void checkpoints.push(structuredClone(c)),
    });
    expect(counts).toEqual({ read: 450, written: 446, failed: 4, deadLettered: 4 });
    expect(checkpoints.map((c) => c.state?.cursor)).toEqual([200, 400, 450]);
    expect(checkpoints.flatMap((c) => c.deadLetters.map((d) => d.record.id))).toEqual([
      100, 200, 300, 400,
    ]);
    expect(checkpoints[0]?.deadLetters[0]).toMatchObject({
      stage: 'validate',
      code: 'FERRY_RECORD_INVALID',
      reason: '/email must be string',
      stream: 'customers',
      recipe: 'customers',
    });
    const rows = new Database(db, { readonly: true })
      .prepare('SELECT email, name, source_id FROM people ORDER BY source_id')
      .all();
    expect(rows).toHaveLength(446);
    expect(rows[0]).toEqual({ email: 'c1@example.com', name: 'First1 Last1', source_id: 1 });
  });

  it('fails with FERRY_RUN_TOLERANCE_EXCEEDED past the error tolerance, after committing what it did', async () => {
    const { plan: p } = await plan(customers(450, 10), { tolerance: { maxFailures: 15 } });
    const checkpoints: Checkpoint[] = [];
    await expect(
      executeRun(p, { commit: async (c) => void checkpoints.push(c) }),
    ).rejects.toMatchObject({
      code: 'FERRY_RUN_TOLERANCE_EXCEEDED',
      path: '$.recipes["customers"].policies.errorTolerance',
    });
    expect(checkpoints).toHaveLength(1);
    expect(checkpoints[0]?.deadLetters).toHaveLength(20);
  });

  it('resumes from a committed state and delivers given records instead of reading (replay)', async () => {
    const { db, plan: p } = await plan(customers(450));
    const checkpoints: Checkpoint[] = [];
    await executeRun(
      { ...p, source: { ...p.source, state: { cursor: 400, keys: ['[400]'] } } },
      { commit: async (c) => void checkpoints.push(c) },
    );
    expect(checkpoints.at(-1)?.counts.read).toBe(50);
    const replay = await executeRun(
      {
        ...p,
        records: [{ id: 999, seq: 999, email: 'late@example.com', first: 'Late', last: 'Comer' }],
      },
      { commit: async () => {} },
    );
    expect(replay).toEqual({ read: 1, written: 1, failed: 0, deadLettered: 0 });
    expect(
      new Database(db, { readonly: true })
        .prepare("SELECT name FROM people WHERE email = 'late@example.com'")
        .get(),
    ).toEqual({ name: 'Late Comer' });
  });
});

// Test support: a temp project (ferry.yaml) whose store holds some runs and dead letters.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '@ferry/runtime';

export const PROJECT_YAML = `version: 1
connections:
  api: { connector: "@test/customers@*", config: { baseUrl: "http://127.0.0.1:9" } }
  warehouse: { connector: "@ferry/connector-sqlite@*", config: { path: out.db, table: people, key: id } }
recipes:
  customers:
    source: { connection: api, stream: customers }
    destination: { connection: warehouse, stream: rows }
  orders:
    source: { connection: api, stream: customers }
    destination: { connection: warehouse, stream: rows }
`;

/** A project folder with ferry.yaml and no store yet. */
export async function emptyProject(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-cli-runs-'));
  const file = join(dir, 'ferry.yaml');
  await writeFile(file, PROJECT_YAML);
  return { dir, file };
}

/**
 * Three runs (customers succeeded with 2 dead letters, orders failed, customers running) in the
 * project's store, oldest first.
 */
export async function seededProject() {
  const { dir, file } = await emptyProject();
  const store = SqliteStore.open(join(dir, '.ferry', 'ferry.db'));
  try {
    const first = await store.createRun({ recipe: 'customers', trigger: 'cron' });
    await store.commitBatch({
      runId: first.id,
      recipe: 'customers',
      stream: 'customers',
      state: { cursor: 10 },
      counts: { read: 10, written: 8, failed: 2, deadLettered: 2 },
      deadLetters: [7, 9].map((id) => ({
        recipe: 'customers',
        runId: first.id,
        stream: 'customers',
        stage: 'validate' as const,
        code: 'FERRY_RECORD_INVALID',
        reason: '/email must be string',
        record: { id, email: 42 },
      })),
    });
    await store.updateRun(first.id, {
      status: 'succeeded',
      finishedAt: new Date(Date.parse(first.startedAt) + 1500).toISOString(),
      counts: { read: 10, written: 8, failed: 2, deadLettered: 2 },
    });
    const second = await store.createRun({ recipe: 'orders', trigger: 'manual' });
    await store.updateRun(second.id, {
      status: 'failed',
      finishedAt: new Date().toISOString(),
      error: { code: 'FERRY_HTTP_NETWORK', message: 'connection refused' },
    });
    const third = await store.createRun({ recipe: 'customers', trigger: 'webhook' });
    const letters = await store.listDeadLetters({ recipe: 'customers' });
    return { dir, file, runs: [first, second, third], letters };
  } finally {
    await store.close();
  }
}

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openConnector } from '@ferry/declarative';
import type { ProjectFile } from '@ferry/manifest';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  customers,
  customersApi,
  customersConnector,
  SQLITE_CONNECTOR,
  tempDir,
} from '../pipeline/test-fixtures.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import { Runner } from './runner.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function setup(rows = customers(450, 100)) {
  const server = await customersApi(rows);
  const dir = await tempDir('runner-');
  const store = SqliteStore.open(join(dir, 'ferry.db'));
  await store.migrate();
  stores.push(store);
  const source = await customersConnector();
  const project: ProjectFile = {
    version: 1,
    connections: {
      api: { connector: '@test/customers@*', config: { baseUrl: server.url } },
      db: {
        connector: '@ferry/connector-sqlite@*',
        config: { path: join(dir, 'out.db'), table: 'people', key: 'id' },
      },
    },
    recipes: {
      people: {
        source: { connection: 'api', stream: 'customers' },
        destination: { connection: 'db', stream: 'rows' },
        mapping: { id: 'id', email: 'email', name: "first & ' ' & last" },
        policies: { retries: { max: 0 } },
      },
    },
  };
  const runner = new Runner({
    project,
    projectFile: join(dir, 'ferry.yaml'),
    store,
    resolveConnector: (pin) => openConnector(pin.startsWith('@test/') ? source : SQLITE_CONNECTOR),
    resolveConfig: async (_id, config) => config,
  });
  const rowsIn = () =>
    new Database(join(dir, 'out.db'), { readonly: true })
      .prepare('SELECT count(*) AS n FROM people')
      .get() as { n: number };
  return { server, store, runner, rows, rowsIn };
}

describe('Runner', () => {
  it('runs a recipe, records the run, commits state, dead-letters bad records; the next run reads only what is new', async () => {
    const { store, runner, rows, rowsIn } = await setup();
    const first = await runner.run('people');
    expect(first).toMatchObject({
      status: 'succeeded',
      trigger: 'manual',
      counts: { read: 450, written: 446, deadLettered: 4 },
    });
    expect((await store.getState('people')).customers).toEqual({ cursor: 450, keys: ['[450]'] });
    expect(await store.countDeadLetters({ recipe: 'people', status: 'pending' })).toBe(4);
    rows.push({ id: 451, seq: 451, email: 'new@example.com', first: 'New', last: 'One' });
    const second = await runner.run('people');
    expect(second.counts).toEqual({ read: 1, written: 1, failed: 0, deadLettered: 0 });
    expect(rowsIn().n).toBe(447);
    expect((await store.listRuns({ recipe: 'people' })).map((r) => r.id)).toEqual([
      second.id,
      first.id,
    ]);
  });

  it('replays dead letters after the cause is fixed and marks them replayed', async () => {
    const { store, runner, rowsIn } = await setup();
    await runner.run('people');
    const letters = await store.listDeadLetters({ recipe: 'people' });
    for (const letter of letters) letter.record.email = `fixed${letter.record.id}@example.com`;
    // The fix happens at the source; here the stored records are corrected the way an operator would re-feed them.
    const replay = await runner.run('people', {
      trigger: 'replay',
      records: letters.map((l) => l.record),
    });
    expect(replay.counts.written).toBe(4);
    expect(rowsIn().n).toBe(450);
    const viaReplay = await runner.replay('people');
    expect(viaReplay.counts.read).toBe(4);
    expect(await store.countDeadLetters({ recipe: 'people', status: 'pending' })).toBe(4);
    expect(await store.countDeadLetters({ recipe: 'people', status: 'replayed' })).toBe(4);
    expect((await store.listAudit({ action: 'dlq.replay' }))[0]).toMatchObject({
      subject: 'people',
      details: { deadLetters: 4 },
    });
  });

  it('never runs one recipe twice at once', async () => {
    const { runner } = await setup(customers(2000));
    const first = runner.run('people');
    await expect(runner.run('people')).rejects.toMatchObject({ code: 'FERRY_RUN_ALREADY_RUNNING' });
    expect((await first).status).toBe('succeeded');
  });

  it('takes over the lock and marks the run of a process that died, then resumes from its state', async () => {
    const { store, runner } = await setup(customers(450));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const orphan = await store.createRun({ recipe: 'people', trigger: 'manual' });
    expect(
      await store.acquireLock(
        'recipe:people',
        `${(await import('node:os')).hostname()}:${dead.pid}:gone`,
        3_600_000,
      ),
    ).toBe(true);
    const run = await runner.run('people');
    expect(run.status).toBe('succeeded');
    expect((await store.getRun(orphan.id))?.status).toBe('interrupted');
  });

  it('drains: a running run stops after its next commit, interrupted and resumable', async () => {
    const { store, runner } = await setup(customers(5000));
    const running = runner.run('people');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runner.drain();
    const stopped = await running;
    expect(stopped.status).toBe('interrupted');
    const committed = (await store.getState('people')).customers?.cursor as number;
    expect(committed).toBeLessThan(5000);
    const resumed = await runner.run('people');
    expect(resumed.counts.read).toBe(5000 - committed);
  });
});

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from './migrations.ts';
import { SqliteStore } from './sqlite-store.ts';
import { describeStore } from './testing.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ferry-store-'));
}

// The shared contract, on a real file in a folder that does not exist yet; reopen() opens the
// same file again.
describeStore('SqliteStore', async () => {
  const dir = await tempDir();
  const file = join(dir, '.ferry', 'store.db');
  const opened = [SqliteStore.open(file)];
  return {
    store: opened[0] as SqliteStore,
    async reopen() {
      const store = SqliteStore.open(file);
      opened.push(store);
      return store;
    },
    async cleanup() {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteStore on a file', () => {
  let dir = '';
  let file = '';
  const opened: SqliteStore[] = [];
  const open = () => {
    const store = SqliteStore.open(file);
    opened.push(store);
    return store;
  };
  beforeEach(async () => {
    dir = await tempDir();
    file = join(dir, 'store.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes ahead (WAL) with foreign keys on', async () => {
    const store = open();
    await store.createRun({ recipe: 'r', trigger: 'manual' });
    expect(existsSync(`${file}-wal`)).toBe(true);
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('opens a private in-memory store', async () => {
    const store = SqliteStore.open(':memory:');
    opened.push(store);
    const run = await store.createRun({ recipe: 'r', trigger: 'manual' });
    expect(await store.getRun(run.id)).toEqual(run);
  });

  it("lets two instances on one file (two daemons) see each other's commits and locks", async () => {
    const a = open();
    const b = open();
    const run = await a.createRun({ recipe: 'r', trigger: 'cron' });
    const counts = { read: 4, written: 3, failed: 0, deadLettered: 1 };
    const deadLetter = {
      recipe: 'r',
      runId: run.id,
      stream: 's',
      stage: 'write' as const,
      reason: 'rejected',
      record: { id: 1 },
    };
    await b.commitBatch({
      runId: run.id,
      recipe: 'r',
      stream: 's',
      state: { c: 1 },
      counts,
      deadLetters: [deadLetter],
    });
    expect((await a.getRun(run.id))?.counts).toEqual(counts);
    expect(await a.getState('r')).toEqual({ s: { c: 1 } });
    expect(await a.countDeadLetters({ recipe: 'r' })).toBe(1);

    expect(await a.acquireLock('scheduler', 'daemon-a', 60_000)).toBe(true);
    expect(await b.acquireLock('scheduler', 'daemon-b', 60_000)).toBe(false);
  });

  it('upgrades a file that an older Ferry created, keeping its data', async () => {
    const old = new Database(file);
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toEqual([1]);
    old
      .prepare(`INSERT INTO runs (id, recipe, status, trigger, attempt, started_at)
        VALUES ('old-run', 'r', 'succeeded', 'cron', 1, '2024-05-01T10:00:00.000Z')`)
      .run();
    old.close();

    const store = open();
    expect((await store.getRun('old-run'))?.status).toBe('succeeded');
    const ferryId = await store.linkIdentity({ entity: 'contact', system: 'crm', externalId: '1' });
    expect(await store.findIdentity('contact', 'crm', '1')).toBe(ferryId);
    const raw = new Database(file);
    expect(schemaVersion(raw)).toBe(MIGRATIONS.length);
    expect(migrate(raw)).toEqual([]);
    raw.close();
  });

  it('rolls back a failing migration, leaving the file at the version before it', () => {
    const raw = new Database(file);
    const broken = { version: 99, name: 'broken', sql: 'CREATE TABLE half (a); SELEC nonsense' };
    expect(() => migrate(raw, [...MIGRATIONS, broken])).toThrow(
      expect.objectContaining({ code: 'FERRY_STORE_MIGRATION_FAILED', file }),
    );
    expect(schemaVersion(raw)).toBe(MIGRATIONS.length);
    const half = raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get();
    expect(half).toBeUndefined();
    raw.close();
  });

  it('refuses a file that a newer Ferry upgraded', () => {
    open();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')").run();
    raw.close();
    expect(() => open()).toThrow(
      expect.objectContaining({
        code: 'FERRY_STORE_SCHEMA_TOO_NEW',
        message: expect.stringContaining(file),
      }),
    );
  });

  it('names the file when it is not a database or its folder cannot be made', async () => {
    await writeFile(file, 'this is not a SQLite file, just text that is long enough '.repeat(20));
    expect(() => open()).toThrow(
      expect.objectContaining({
        code: 'FERRY_STORE_OPEN_FAILED',
        message: expect.stringContaining(file),
      }),
    );
    const under = join(file, 'store.db');
    expect(() => SqliteStore.open(under)).toThrow(
      expect.objectContaining({ code: 'FERRY_STORE_OPEN_FAILED', file: under }),
    );
  });
});

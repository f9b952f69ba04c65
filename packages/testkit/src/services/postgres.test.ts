import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startPostgres } from './postgres.ts';
import { isAlive } from './process-exit.ts';
import type { PostgresService } from './types.ts';

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The temp folder of a local server: the one holding its unix socket. */
function serverFolder(port: number): string | undefined {
  return readdirSync(tmpdir())
    .filter((name) => name.startsWith('ferry-pg-'))
    .map((name) => join(tmpdir(), name))
    .find((dir) => existsSync(join(dir, `.s.PGSQL.${port}`)));
}

describe('startPostgres', () => {
  it('starts a server that takes connections: create a table, insert, select', async () => {
    const db = await startPostgres();
    expect(db.url).toBe(
      `postgres://${db.user}:${encodeURIComponent(db.password)}@${db.host}:${db.port}/${db.database}`,
    );
    await query(db.url, 'CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)');
    await query(db.url, 'INSERT INTO items VALUES ($1, $2), ($3, $4)', [1, 'one', 2, 'two']);
    expect(await query(db.url, 'SELECT id, name FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
    expect((await query(db.url, 'SELECT current_database() AS db'))[0]).toEqual({ db: 'ferry' });
    await db.stop();
  });

  it('refuses a wrong password', async () => {
    const db = await startPostgres({ user: 'app', password: 'right', database: 'app' });
    const wrong = db.url.replace(':right@', ':wrong@');
    await expect(query(wrong, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    expect(await query(db.url, 'SELECT current_user AS u')).toEqual([{ u: 'app' }]);
  });

  it('fails with FERRY_POSTGRES_UNAVAILABLE, naming what it looked for, when nothing is there', async () => {
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    vi.stubEnv('DOCKER_HOST', 'unix:///nonexistent/docker.sock');
    vi.stubEnv('FERRY_POSTGRES_PROVIDER', 'auto');
    const empty = await mkdtemp(join(tmpdir(), 'ferry-no-postgres-'));
    onTestFinished(() => rm(empty, { recursive: true, force: true }));
    await expect(startPostgres({ binDir: empty })).rejects.toThrow(
      expect.objectContaining({
        code: 'FERRY_POSTGRES_UNAVAILABLE',
        message: expect.stringContaining(
          `tried: unix:///nonexistent/docker.sock); and initdb, pg_ctl and postgres were not found together in: ${empty}. Install the server binaries (apt-get install postgresql) or start Docker.`,
        ),
      }),
    );
    await expect(startPostgres({ provider: 'testcontainers' })).rejects.toThrow(
      expect.objectContaining({ code: 'FERRY_POSTGRES_UNAVAILABLE' }),
    );
  });
});

describe('startPostgres from the local binaries', () => {
  let leftOver: PostgresService | undefined;

  it('runs two servers at once on different ports, each with its own data', async () => {
    const [a, b] = await Promise.all([
      startPostgres({ provider: 'local' }),
      startPostgres({ provider: 'local' }),
    ]);
    expect([a.provider, b.provider]).toEqual(['local', 'local']);
    expect(a.host).toBe('127.0.0.1');
    expect(a.port).not.toBe(b.port);
    await query(a.url, 'CREATE TABLE only_in_a (id int)');
    await expect(query(b.url, 'SELECT * FROM only_in_a')).rejects.toThrow(/does not exist/);
  });

  it('stop() ends the server and removes its folder', async () => {
    const db = await startPostgres({ provider: 'local' });
    const folder = serverFolder(db.port) as string;
    expect(folder).toBeDefined();
    const pid = Number(readFileSync(join(folder, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(pid)).toBe(true);
    await db.stop();
    await db.stop();
    expect(existsSync(folder)).toBe(false);
    expect(isAlive(pid)).toBe(false);
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('stops by itself when the test that started it ends (1/2)', async () => {
    leftOver = await startPostgres({ provider: 'local' });
    expect(serverFolder(leftOver.port)).toBeDefined();
  });

  it('stops by itself when the test that started it ends (2/2)', async () => {
    const port = leftOver?.port as number;
    expect(serverFolder(port)).toBeUndefined();
    await expect(query(leftOver?.url as string, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });
});

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopOnExit } from './cleanup.ts';
import { postgresUrl } from './connection.ts';
import { serviceErrors } from './errors.ts';
import { freePort } from './free-port.ts';
import { waitForExit } from './process-exit.ts';
import { waitUntilReady } from './ready.ts';
import { asUser, type Command, findRunuser, run } from './run.ts';
import { lookupUser } from './system-user.ts';
import type { PostgresService } from './types.ts';
import { startWatchdog } from './watchdog.ts';

export interface LocalSettings {
  binDir: string;
  user: string;
  password: string;
  database: string;
  systemUser: string;
  startTimeoutMs: number;
}

/**
 * A throwaway PostgreSQL from the local server binaries: a cluster in a new temp folder
 * (`initdb`), listening on 127.0.0.1 and a free port, its unix socket in that folder. `user`
 * is the superuser; TCP connections need its password (scram-sha-256), unix-socket connections
 * are trusted (only the folder's owner and root can reach the socket). Durability is off
 * (fsync, synchronous_commit, full_page_writes). As root, every server command runs as
 * `systemUser`, who owns the folder.
 */
export async function startLocalPostgres(settings: LocalSettings): Promise<PostgresService> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? settings.systemUser : undefined;
  const runuser = asRoot ? findRunuser() : undefined;
  const pgCtl = join(settings.binDir, 'pg_ctl');
  const as = (command: string, args: string[]): Command =>
    asUser(runAs, { command: join(settings.binDir, command), args }, runuser);
  const stopCommand = (mode: string) =>
    asUser(runAs, { command: pgCtl, args: ['stop', '-D', data, '-m', mode, '-w'] }, runuser);
  const fail = async (what: string, output: string) => {
    const log = await readFile(join(dir, 'postgres.log'), 'utf8').catch(() => '');
    // a server that is still starting (pg_ctl timed out) must not outlive its folder
    await run(stopCommand('immediate'), { cwd: dir });
    await rm(dir, { recursive: true, force: true });
    return serviceErrors.create(
      'FERRY_POSTGRES_START_FAILED',
      `${what} failed:\n${tail(output)}${log ? `\nserver log:\n${tail(log)}` : ''}`,
    );
  };

  try {
    const pwfile = join(dir, 'pwfile');
    await writeFile(pwfile, `${settings.password}\n`, { mode: 0o600 });
    if (asRoot) {
      const { uid, gid } = await lookupUser(settings.systemUser);
      await chown(dir, uid, gid);
      await chown(pwfile, uid, gid);
    }
    const initdb = await run(
      as('initdb', [
        ...['-D', data, '-U', settings.user, `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C'],
        ...['--auth-host=scram-sha-256', '--auth-local=trust', '--no-sync'],
      ]),
      { cwd: dir },
    );
    await rm(pwfile, { force: true });
    if (initdb.code !== 0) throw await fail('initdb', initdb.output);
    await appendFile(
      join(data, 'postgresql.conf'),
      [
        '',
        '# @ferry/testkit: a throwaway server for tests',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  // The free port may be taken between finding it and binding it: try another one.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    await appendFile(join(data, 'postgresql.conf'), `port = ${port}\n`);
    const seconds = String(Math.ceil(settings.startTimeoutMs / 1000));
    const start = await run(
      as('pg_ctl', ['start', '-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', seconds]),
      { cwd: dir },
    );
    if (start.code === 0) break;
    const log = await readFile(join(dir, 'postgres.log'), 'utf8').catch(() => '');
    if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
    throw await fail('pg_ctl start', start.output);
  }

  const postmaster = Number(
    (await readFile(join(data, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
  );
  const stopWatchdog = startWatchdog(stopCommand('immediate'), dir);
  const cancelExit = stopOnExit(() => {
    stopWatchdog();
    const { command, args } = stopCommand('immediate');
    spawnSync(command, args, { stdio: 'ignore', cwd: dir });
    rmSync(dir, { recursive: true, force: true });
  });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      cancelExit();
      stopWatchdog();
      await run(stopCommand('fast'), { cwd: dir });
      // pg_ctl returns when the pid file is gone, a moment before the server process ends
      if (postmaster > 0) await waitForExit(postmaster, 10_000);
      await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const connection = { host: '127.0.0.1', port, user: settings.user, password: settings.password };
  const notReady = await waitUntilReady(
    connection,
    settings.database,
    settings.startTimeoutMs,
  ).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (notReady) {
    const log = await readFile(join(dir, 'postgres.log'), 'utf8').catch(() => '');
    await stop();
    throw serviceErrors.create(
      'FERRY_POSTGRES_NOT_READY',
      `PostgreSQL on 127.0.0.1:${port} did not accept connections: ${notReady.message}\nserver log:\n${tail(log)}`,
      { cause: notReady },
    );
  }
  return {
    url: postgresUrl({ ...connection, database: settings.database }),
    ...connection,
    database: settings.database,
    provider: 'local',
    stop,
  };
}

function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

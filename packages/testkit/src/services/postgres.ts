import { findPostgresBinaries } from './binaries.ts';
import { choosePostgresProvider } from './choose.ts';
import { stopWhenTestEnds } from './cleanup.ts';
import { randomPassword } from './connection.ts';
import { startContainerPostgres } from './container.ts';
import { detectDocker } from './docker.ts';
import { serviceErrors } from './errors.ts';
import { startLocalPostgres } from './local.ts';
import type { PostgresProvider, PostgresService, StartPostgresOptions } from './types.ts';

/**
 * Starts a throwaway PostgreSQL for tests: in Docker through testcontainers when a Docker
 * engine answers, otherwise from the local server binaries (see `startLocalPostgres`).
 * Inside a vitest test it stops when the test finishes; elsewhere (in `beforeAll`: return
 * `() => pg.stop()` from it) the caller stops it. A local server is also stopped when the
 * process exits or dies; a container is removed by testcontainers' Ryuk.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresService> {
  const prefer = options.provider ?? providerFromEnv();
  const docker =
    prefer === 'local' ? { available: false, tried: [] } : await detectDocker({ timeoutMs: 1000 });
  const binaries =
    prefer === 'testcontainers'
      ? { dir: undefined, searched: [] }
      : findPostgresBinaries({ binDir: options.binDir });
  const choice = choosePostgresProvider(
    { docker: docker.available, binaries: binaries.dir },
    prefer,
  );
  const settings = {
    user: options.user ?? 'ferry',
    password: options.password ?? randomPassword(),
    database: options.database ?? 'ferry',
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
  };
  let service: PostgresService;
  if (choice.provider === 'testcontainers') {
    service = await startContainerPostgres({
      ...settings,
      image: options.image ?? 'postgres:16-alpine',
    });
  } else if (choice.provider === 'local') {
    service = await startLocalPostgres({
      ...settings,
      binDir: choice.binDir,
      systemUser: options.systemUser ?? 'postgres',
    });
  } else {
    const looked = [
      choice.missing.includes('testcontainers') &&
        `no Docker engine answered GET /_ping (tried: ${docker.tried.join(', ') || 'no DOCKER_HOST and no Docker socket found'})`,
      choice.missing.includes('local') &&
        `initdb, pg_ctl and postgres were not found together in: ${binaries.searched.join(', ')}`,
    ].filter(Boolean);
    throw serviceErrors.create(
      'FERRY_POSTGRES_UNAVAILABLE',
      `no PostgreSQL for tests (provider: ${prefer}): ${looked.join('; and ')}. Install the server binaries (apt-get install postgresql) or start Docker.`,
    );
  }
  await stopWhenTestEnds(service.stop);
  return service;
}

function providerFromEnv(): PostgresProvider | 'auto' {
  const value = process.env.FERRY_POSTGRES_PROVIDER;
  return value === 'local' || value === 'testcontainers' ? value : 'auto';
}

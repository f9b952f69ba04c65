import type { StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { serviceErrors } from './errors.ts';
import type { PostgresService } from './types.ts';

export interface ContainerSettings {
  image: string;
  user: string;
  password: string;
  database: string;
  startTimeoutMs: number;
}

/**
 * A throwaway PostgreSQL in a Docker container (testcontainers' PostgreSQL module), durability
 * off. When the test process dies without stopping it, testcontainers' Ryuk container removes
 * it. testcontainers is loaded only here, so runs without Docker never load it.
 */
export async function startContainerPostgres(
  settings: ContainerSettings,
): Promise<PostgresService> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { image, user, password, database } = settings;
  let container: StartedPostgreSqlContainer;
  try {
    container = await new PostgreSqlContainer(image)
      .withUsername(user)
      .withPassword(password)
      .withDatabase(database)
      .withCommand(['postgres', '-c', 'fsync=off', '-c', 'synchronous_commit=off'])
      .withStartupTimeout(settings.startTimeoutMs)
      .start();
  } catch (error) {
    throw serviceErrors.create(
      'FERRY_POSTGRES_START_FAILED',
      `the ${image} container did not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let stopped: Promise<void> | undefined;
  return {
    url: container.getConnectionUri(),
    host: container.getHost(),
    port: container.getPort(),
    user,
    password,
    database,
    provider: 'testcontainers',
    stop: () => (stopped ??= container.stop().then(() => {})),
  };
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { ClientConfig } from 'pg';

/**
 * Connects with `pg` until the server accepts a connection, or `timeoutMs` passes; then creates
 * `database` when it is not 'postgres'. Returns undefined when ready, else the error
 * (the last connection error, or the one creating the database).
 */
export async function waitUntilReady(
  connection: Omit<ClientConfig, 'database'>,
  database: string,
  timeoutMs: number,
): Promise<Error | undefined> {
  const { default: pg } = await import('pg');
  const deadline = Date.now() + timeoutMs;
  let lastError: Error | undefined;
  do {
    const client = new pg.Client({
      ...connection,
      database: 'postgres',
      connectionTimeoutMillis: 2000,
    });
    try {
      await client.connect();
    } catch (error) {
      lastError = error as Error;
      await client.end().catch(() => {});
      await sleep(100);
      continue;
    }
    try {
      if (database !== 'postgres') {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          database,
        ]);
        if (exists.rowCount === 0)
          await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      }
      return undefined;
    } catch (error) {
      return error as Error;
    } finally {
      await client.end().catch(() => {});
    }
  } while (Date.now() < deadline);
  return lastError;
}

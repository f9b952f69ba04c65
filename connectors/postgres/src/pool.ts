import pg from 'pg';
import type { Config } from './config.ts';
import { configInvalid, describePgError, pgErrors } from './errors.ts';
import { recordTypes } from './read-types.ts';

/**
 * Connection pools, one per distinct connection setting. A write handler is called once per
 * batch with no hook at the end of the run, so connections are kept in a pool between batches
 * instead of being opened per batch; idle connections close after 10 s and never keep the
 * process alive (allowExitOnIdle).
 */
const pools = new Map<string, pg.Pool>();

/**
 * Every session reads and writes times in UTC with ISO output, so timestamps in records and
 * cursors do not depend on the server's or the client's settings.
 */
const SESSION = "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'";

function connectionOptions(config: Config): pg.PoolConfig {
  const ssl =
    config.ssl === 'require'
      ? { rejectUnauthorized: false }
      : config.ssl === 'verify-full'
        ? { rejectUnauthorized: true, ...(config.sslRootCert ? { ca: config.sslRootCert } : {}) }
        : false;
  if (config.connectionString) return { connectionString: config.connectionString, ssl };
  if (!config.database || !config.user)
    throw configInvalid(
      'the connection needs `database` and `user` (or a `connectionString`)',
      'Set host, port, database, user and password, or connectionString (postgres://user:password@host:5432/database).',
    );
  return {
    host: config.host ?? 'localhost',
    port: config.port ?? 5432,
    database: config.database,
    user: config.user,
    ...(config.password !== undefined ? { password: config.password } : {}),
    ssl,
  };
}

export function poolFor(config: Config): pg.Pool {
  const options = connectionOptions(config);
  const id = JSON.stringify(options);
  let pool = pools.get(id);
  if (!pool) {
    pool = new pg.Pool({
      ...options,
      max: 4,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      connectionTimeoutMillis: 30_000,
      application_name: 'ferry-connector-postgres',
      types: recordTypes,
      onConnect: async (client) => {
        await client.query(SESSION);
      },
    });
    // An idle connection the server ends (restart, pg_terminate_backend) must not crash the
    // process: the pool drops it and the next batch opens a new one.
    pool.on('error', () => {});
    pools.set(id, pool);
  }
  return pool;
}

const listening = new WeakSet<pg.PoolClient>();

/** A connection from the pool, or FERRY_PG_CONNECT_FAILED with PostgreSQL's reason. */
export async function connect(config: Config): Promise<pg.PoolClient> {
  const pool = poolFor(config);
  try {
    const client = await pool.connect();
    if (!listening.has(client)) {
      // A session the server ends while it is checked out emits 'error' besides failing its
      // statement; without a listener that would crash the process. The statement's own
      // error is what the caller handles.
      client.on('error', () => {});
      listening.add(client);
    }
    return client;
  } catch (error) {
    const where = config.connectionString
      ? 'the server of connectionString'
      : `${config.host ?? 'localhost'}:${config.port ?? 5432}/${config.database}`;
    throw pgErrors.create(
      'FERRY_PG_CONNECT_FAILED',
      `cannot connect to PostgreSQL at ${where}: ${describePgError(error)}`,
      { cause: error },
    );
  }
}

/**
 * The connection was lost rather than the statement refused: the server ended the session
 * (57P01-57P03: shutdown, pg_terminate_backend), a connection-class error (08), or the socket
 * closed or reset. Work in a rolled-back transaction can then be run again on a new connection.
 */
export function isConnectionLost(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^57P0[1-3]$/.test(code) || code.startsWith('08'))) return true;
  if (code === 'ECONNRESET' || code === 'EPIPE') return true;
  return /Connection terminated|connection error|not queryable/i.test(String(message ?? ''));
}

/**
 * Runs `work` on a pooled connection. A connection that saw an error is closed rather than
 * reused; when the connection was lost, `work` runs again on a new one (twice at most, after
 * 100 and 400 ms), so a restarted server or a killed session does not fail a read page or a
 * write batch: both are single statements or single transactions, so nothing is half done,
 * and a batch whose COMMIT did reach the server before the connection dropped is harmless to
 * write again (upserts by key are idempotent).
 */
export async function withClient<T>(
  config: Config,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await connect(config);
    let failed: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      failed = error as Error;
      if (attempt >= 2 || !isConnectionLost(error)) throw error;
    } finally {
      client.release(failed);
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * 4 ** attempt));
  }
}

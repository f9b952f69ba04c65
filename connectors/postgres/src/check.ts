import { defineConnector } from '@ferry/sdk';
import { type Config, readSettings } from './config.ts';
import { describePgError } from './errors.ts';
import { connect } from './pool.ts';

const connector = defineConnector<Config>();

/**
 * Proves the config works: it connects (credentials, TLS, database) and, when a query is
 * configured, PostgreSQL plans it without reading a row. A missing table is not an error: a
 * write creates it.
 */
export const checkConnection = connector.check(async (ctx) => {
  let client: Awaited<ReturnType<typeof connect>>;
  let query: string | undefined;
  try {
    if (ctx.config.query) query = `SELECT * FROM ${readSettings(ctx.config).from} AS q LIMIT 0`;
    client = await connect(ctx.config);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { ok: false, message: code ? `${code}: ${message}` : message };
  }
  try {
    await client.query(query ?? 'SELECT 1');
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `FERRY_PG_QUERY_FAILED: the query does not run: ${describePgError(error)}`,
    };
  } finally {
    client.release();
  }
});

import { defineConnector, type WriteResult } from '@ferry/sdk';
import type pg from 'pg';
import { prepareBatch, type Row, type Shape } from './batch.ts';
import { type Config, type WriteSettings, writeSettings } from './config.ts';
import { queryFailed } from './errors.ts';
import { isDataError, rejectionReason, upsertOneByOne } from './isolate.ts';
import { withClient } from './pool.ts';
import { upsertBatch } from './upsert.ts';

const connector = defineConnector<Config>();

/** A COPY error names the line (the row) it failed on; a few such rows are dropped and retried. */
const MAX_COPY_RETRIES = 5;

/** The 1-based row of the COPY (into the table or the staging table) that failed, if told. */
function failedCopyRow(error: unknown): number | undefined {
  const where = (error as { where?: string })?.where ?? '';
  const line = /^COPY [^,]+, line (\d+)/.exec(where)?.[1];
  return line === undefined ? undefined : Number(line);
}

/**
 * Writes the rows; returns the rows PostgreSQL refused with its reason. When the COPY names
 * the row that failed, that row is dropped and the batch retried (each attempt is one
 * transaction, rolled back on failure); otherwise the rows are written one by one behind
 * savepoints. Errors that are not about a row's values are thrown.
 */
async function writeRowsOf(
  client: pg.ClientBase,
  settings: WriteSettings,
  rows: Row[],
  shape: Shape,
): Promise<Map<Row, string>> {
  const refused = new Map<Row, string>();
  let pending = rows;
  for (let retries = 0; pending.length > 0; retries++) {
    try {
      await upsertBatch(
        client,
        settings,
        pending.map((p) => p.row),
        shape,
      );
      return refused;
    } catch (error) {
      if (!isDataError(error)) throw error;
      const line = failedCopyRow(error);
      const culprit = line === undefined ? undefined : pending[line - 1];
      if (!culprit || retries >= MAX_COPY_RETRIES) {
        const reasons = await upsertOneByOne(
          client,
          settings,
          pending.map((p) => p.row),
        );
        for (const [i, reason] of reasons) refused.set(pending[i] as Row, reason);
        return refused;
      }
      refused.set(culprit, rejectionReason(error));
      pending = pending.filter((p) => p !== culprit);
    }
  }
  return refused;
}

/**
 * Upserts one batch into the configured table by its key, in one transaction (upsertBatch).
 * A record PostgreSQL refuses (a value that does not fit its column, a constraint) is rejected
 * with PostgreSQL's reason and the others are written. Any other failure (privileges, SQL, a
 * connection lost three times) rolls the batch back and throws, so it can be retried whole.
 */
export const writeRows = connector.write(async (ctx, records) => {
  const settings = writeSettings(ctx.config);
  const { rows, refused, ...shape } = prepareBatch(records, settings.key);
  let written: Map<Row, string>;
  try {
    written = await withClient(ctx.config, (client) => writeRowsOf(client, settings, rows, shape));
  } catch (error) {
    throw queryFailed(
      `writing ${records.length} records to ${settings.schema}.${settings.table}`,
      error,
    );
  }
  for (const [row, reason] of written) for (const index of row.indexes) refused.set(index, reason);
  // every record is in a row or refused before any SQL: each gets its result in one pass
  const results = new Array<WriteResult>(records.length);
  for (const row of rows)
    for (const index of row.indexes) results[index] = { index, status: 'accepted', id: row.id };
  for (const [index, reason] of refused) results[index] = { index, status: 'rejected', reason };
  if (refused.size > 0) ctx.logger.warn(`${refused.size} of ${records.length} records rejected`);
  return results;
});

import type { JsonObject } from '@ferry/sdk';
import type pg from 'pg';
import { shapeOf } from './batch.ts';
import { ensureTable } from './columns.ts';
import { columnList, type WriteSettings } from './config.ts';
import { inputText } from './copy-text.ts';
import { describePgError, type PgErrorFields } from './errors.ts';
import { ident } from './sql.ts';

/**
 * Errors caused by the values of one row, which writing the other rows can avoid: data
 * exceptions (class 22: bad syntax for the type, out of range, too long, NUL characters),
 * integrity violations (class 23: NOT NULL, CHECK, foreign and other unique keys), a key
 * written twice (21000) and a value too large for an index (54000).
 */
export function isDataError(error: unknown): boolean {
  const code = (error as PgErrorFields)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('22') || code.startsWith('23') || code === '21000' || code === '54000')
  );
}

/** Why PostgreSQL refused a row, naming the column when it tells. */
export function rejectionReason(error: unknown): string {
  const e = error as PgErrorFields;
  const column = e.column ?? /column ([^:]+):/.exec(e.where ?? '')?.[1];
  return `${column ? `column ${column}: ` : ''}${describePgError(error)}`;
}

/**
 * The slow, exact path after a batch failed on a data error whose row is unknown: in one
 * transaction, each row is upserted on its own behind a savepoint; a row PostgreSQL refuses is
 * rolled back to its savepoint and gets the reason. Returns a reason per refused row.
 */
export async function upsertOneByOne(
  client: pg.ClientBase,
  settings: WriteSettings,
  rows: JsonObject[],
): Promise<Map<number, string>> {
  const refused = new Map<number, string>();
  await client.query('BEGIN');
  try {
    const columns = await ensureTable(client, settings, rows, shapeOf(rows).fields);
    for (const [index, row] of rows.entries()) {
      const fields = Object.keys(row).filter((f) => columns.has(f));
      const updated = fields.filter((f) => !settings.key.includes(f));
      const values = fields.map((f) => inputText(row[f], columns.get(f) as never));
      const text = `INSERT INTO ${settings.target} (${columnList(fields)}) VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (${columnList(settings.key)}) DO ${
        updated.length === 0
          ? 'NOTHING'
          : `UPDATE SET ${updated.map((f) => `${ident(f)} = EXCLUDED.${ident(f)}`).join(', ')}`
      }`;
      await client.query('SAVEPOINT ferry_row');
      try {
        await client.query(text, values);
        await client.query('RELEASE SAVEPOINT ferry_row');
      } catch (error) {
        if (!isDataError(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT ferry_row');
        refused.set(index, rejectionReason(error));
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return refused;
}

import type { ReadSettings } from './config.ts';
import { ident } from './sql.ts';

/** The columns rows are ordered by: the cursor first (incremental reads), then the key. */
export function orderColumns(settings: ReadSettings): string[] {
  return settings.cursor ? [settings.cursor, ...settings.key] : settings.key;
}

/**
 * One page of a keyset-paginated read: rows ordered by (cursor, key), starting after the last
 * row of the previous page (a row comparison, so it is exact with ties on the cursor) and, for
 * the first page of an incremental read, at the saved cursor inclusive. Each page is its own
 * statement: no transaction or server-side cursor stays open while the records are processed,
 * and with an index on (cursor, key) each page is an index range scan.
 */
export function pageQuery(
  settings: ReadSettings,
  position: { from?: unknown; after?: unknown[] },
): { text: string; values: unknown[] } {
  const order = orderColumns(settings);
  const column = (name: string) => `ferry_source.${ident(name)}`;
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (settings.cursor) {
    // NULL never compares: rows without a cursor value cannot be placed in the order.
    where.push(`${column(settings.cursor)} IS NOT NULL`);
    if (position.from !== undefined)
      where.push(`${column(settings.cursor)} >= ${param(position.from)}`);
  }
  if (position.after) {
    const left = order.map(column).join(', ');
    const right = position.after.map(param).join(', ');
    where.push(order.length === 1 ? `${left} > ${right}` : `(${left}) > (${right})`);
  }
  const text = [
    `SELECT * FROM ${settings.from} AS ferry_source`,
    where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    `ORDER BY ${order.map(column).join(', ')}`,
    `LIMIT ${settings.pageSize}`,
  ]
    .filter(Boolean)
    .join(' ');
  return { text, values };
}

/** Rows an incremental read cannot see: their cursor column is NULL. */
export function nullCursorQuery(settings: ReadSettings): string {
  return `SELECT count(*)::int AS n FROM ${settings.from} AS ferry_source WHERE ferry_source.${ident(settings.cursor as string)} IS NULL`;
}

import type { JsonObject } from '@ferry/sdk';
import type pg from 'pg';
import type { Shape } from './batch.ts';
import { type Columns, ensureTable } from './columns.ts';
import { columnList, type WriteSettings } from './config.ts';
import { copyInto, copyText } from './copy.ts';
import { inputText } from './copy-text.ts';
import { ident } from './sql.ts';

/** The staging table's name; temporary, so it is private to the session and writes no WAL. */
const STAGE = 'ferry_stage';
const GROUP = '__ferry_group__';

/**
 * Records with the same fields form a group: a field a record does not carry is left as it is
 * in the table (like a PATCH), so each group is upserted with its own column list. Usually a
 * batch is one group.
 */
interface Plan {
  fields: string[];
  groups: string[][];
  groupOf: number[];
}

function plan(rows: JsonObject[], columns: Columns, key: string[], shape: Shape): Plan {
  const fields = [...new Set([...key, ...shape.fields])].filter((f) => columns.has(f));
  if (shape.uniform) return { fields, groups: [fields], groupOf: [] };
  const ids = new Map<string, number>();
  const groups: string[][] = [];
  const groupOf = rows.map((row) => {
    const own = fields.filter((f) => f in row);
    const signature = own.join('\u0000');
    let id = ids.get(signature);
    if (id === undefined) {
      id = groups.push(own) - 1;
      ids.set(signature, id);
    }
    return id;
  });
  return { fields, groups, groupOf };
}

/** Types with no equality operator are compared as text to skip updates that change nothing. */
const NO_EQUALITY = /^(json|xml|point|line|lseg|box|path|polygon|circle)\b/;

function insertSql(settings: WriteSettings, columns: Columns, fields: string[], group?: number) {
  const list = columnList(fields);
  const from = `SELECT ${list} FROM ${STAGE}${group === undefined ? '' : ` WHERE ${ident(GROUP)} = ${group}`}`;
  const head = `INSERT INTO ${settings.target} AS ferry_target (${list}) ${from} ON CONFLICT (${columnList(settings.key)})`;
  const updated = fields.filter((f) => !settings.key.includes(f));
  if (updated.length === 0) return `${head} DO NOTHING`;
  const side = (alias: string, f: string) =>
    `${alias}.${ident(f)}${NO_EQUALITY.test(columns.get(f)?.type ?? '') ? '::text' : ''}`;
  const set = updated.map((f) => `${ident(f)} = EXCLUDED.${ident(f)}`).join(', ');
  // Rewriting a row with the values it already has would only leave a dead row version behind.
  const changed = `(${updated.map((f) => side('ferry_target', f)).join(', ')}) IS DISTINCT FROM (${updated.map((f) => side('EXCLUDED', f)).join(', ')})`;
  return `${head} DO UPDATE SET ${set} WHERE ${changed}`;
}

/**
 * Whether the batch's first key is already in the table (one index lookup): then the batch is
 * likely made of updates and goes through the staging table; else COPY straight into the
 * table is tried. This is only a guess to save work: a key the guess misses fails the direct
 * COPY with a unique violation and the batch goes through the staging table after all.
 */
async function firstKeyExists(
  client: pg.ClientBase,
  settings: WriteSettings,
  columns: Columns,
  row: JsonObject,
): Promise<boolean> {
  const where = settings.key.map((k, i) => `${ident(k)} = $${i + 1}`).join(' AND ');
  const values = settings.key.map((k) => inputText(row[k], columns.get(k) as never));
  const { rowCount } = await client.query(
    `SELECT 1 FROM ${settings.target} WHERE ${where}`,
    values,
  );
  return (rowCount ?? 0) > 0;
}

/** The staging path: COPY into a temporary table, then INSERT ... ON CONFLICT per group. */
async function upsertThroughStage(
  client: pg.ClientBase,
  settings: WriteSettings,
  columns: Columns,
  p: Plan,
  chunks: Iterable<Buffer>,
): Promise<void> {
  const grouped = p.groups.length > 1;
  await client.query(
    `CREATE TEMP TABLE ${STAGE} ON COMMIT DROP AS SELECT ${columnList(p.fields)}${grouped ? `, 0 AS ${ident(GROUP)}` : ''} FROM ${settings.target} WITH NO DATA`,
  );
  await copyInto(client, STAGE, grouped ? [...p.fields, GROUP] : p.fields, chunks);
  const inserts = p.groups.map((fields, id) =>
    insertSql(settings, columns, fields, grouped ? id : undefined),
  );
  await client.query(inserts.join(';\n'));
}

/**
 * Upserts rows (one per key) in one transaction: table and columns made to fit, then either
 *  - when the batch's keys look new and all rows have the same fields (a first load): COPY
 *    straight into the table, as fast as a plain COPY; a key that exists after all (or that
 *    another writer inserted meanwhile) fails it with a unique violation, rolled back to a
 *    savepoint, and the batch takes the staging path;
 *  - otherwise COPY into a temporary staging table and INSERT ... ON CONFLICT (key) DO UPDATE.
 * Any failure rolls everything back, new columns included, and is thrown as PostgreSQL raised
 * it (a COPY error names the line, i.e. the row, that failed).
 */
export async function upsertBatch(
  client: pg.ClientBase,
  settings: WriteSettings,
  rows: JsonObject[],
  shape: Shape,
): Promise<void> {
  await client.query('BEGIN');
  try {
    const columns = await ensureTable(client, settings, rows, shape.fields);
    const p = plan(rows, columns, settings.key, shape);
    const grouped = p.groups.length > 1;
    const chunks = copyText(
      rows,
      p.fields,
      columns,
      grouped ? (index) => String(p.groupOf[index]) : undefined,
    );
    let done = false;
    if (!grouped && !(await firstKeyExists(client, settings, columns, rows[0] as JsonObject))) {
      await client.query('SAVEPOINT ferry_direct');
      try {
        await copyInto(client, settings.target, p.fields, chunks);
        done = true;
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
        await client.query('ROLLBACK TO SAVEPOINT ferry_direct');
      }
    }
    if (!done) await upsertThroughStage(client, settings, columns, p, chunks);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

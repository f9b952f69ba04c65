import { defineConnector, type JsonObject, type WriteResult } from '@ferry/sdk';
import Database from 'better-sqlite3';

interface Config {
  path: string;
  table: string;
  key: string;
}

const connector = defineConnector<Config>();
const databases = new Map<string, Database.Database>();

function open(path: string): Database.Database {
  let db = databases.get(path);
  if (!db) {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    databases.set(path, db);
  }
  return db;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set(
    (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map(
      (c) => c.name,
    ),
  );
}

function toSql(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Upserts one batch in one transaction: creates the table on first use, adds a column for every
 * new field, and rejects (without writing) records whose key is missing.
 */
export const writeRows = connector.write(async (ctx, records) => {
  const { table, key } = ctx.config;
  const db = open(ctx.config.path);
  db.exec(`CREATE TABLE IF NOT EXISTS ${quote(table)} (${quote(key)} PRIMARY KEY)`);
  const columns = columnsOf(db, table);
  const results: WriteResult[] = [];
  const statements = new Map<string, Database.Statement>();
  db.transaction(() => {
    for (const [index, record] of records.entries()) {
      if (record[key] === undefined || record[key] === null) {
        results.push({
          index,
          status: 'rejected',
          reason: `the record has no '${key}' (the key column)`,
        });
        continue;
      }
      const fields = Object.keys(record);
      for (const field of fields) {
        if (!columns.has(field)) {
          db.exec(`ALTER TABLE ${quote(table)} ADD COLUMN ${quote(field)}`);
          columns.add(field);
        }
      }
      const signature = fields.join('\u0000');
      let statement = statements.get(signature);
      if (!statement) {
        const names = fields.map(quote).join(', ');
        const updates = fields
          .filter((f) => f !== key)
          .map((f) => `${quote(f)} = excluded.${quote(f)}`);
        statement = db.prepare(
          `INSERT INTO ${quote(table)} (${names}) VALUES (${fields.map(() => '?').join(', ')}) ON CONFLICT(${quote(key)}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
        );
        statements.set(signature, statement);
      }
      statement.run(...fields.map((f) => toSql(record[f])));
      results.push({ index, status: 'accepted', id: String(record[key]) });
    }
  })();
  return results;
});

/** Reads every row of the table in key order, in pages of 1,000. */
export const readRows = connector.read(async function* (ctx) {
  const { table, key } = ctx.config;
  const db = open(ctx.config.path);
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table);
  if (!exists) return;
  let last: unknown = null;
  for (;;) {
    const rows = (
      last === null
        ? db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${quote(key)} LIMIT 1000`).all()
        : db
            .prepare(
              `SELECT * FROM ${quote(table)} WHERE ${quote(key)} > ? ORDER BY ${quote(key)} LIMIT 1000`,
            )
            .all(last)
    ) as JsonObject[];
    for (const row of rows) yield { record: row };
    if (rows.length < 1000) return;
    last = rows.at(-1)?.[key];
  }
});

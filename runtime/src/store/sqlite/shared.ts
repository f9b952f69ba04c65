import type Database from 'better-sqlite3';
import { storeErrors } from '../errors.ts';

export type Db = Database.Database;

/** Timestamps are ISO 8601 UTC strings of fixed width, so they also sort as text. */
export function now(): string {
  return new Date().toISOString();
}

/** JSON text for a TEXT column; a value JSON cannot hold is FERRY_STORE_VALUE_INVALID. */
export function toJson(value: unknown, what: string, file: string): string {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  } catch (error) {
    throw storeErrors.create(
      'FERRY_STORE_VALUE_INVALID',
      `${what} cannot be stored as JSON in ${file}: ${(error as Error).message}`,
      { file, cause: error },
    );
  }
  throw storeErrors.create('FERRY_STORE_VALUE_INVALID', `${what} is not a JSON value (${file})`, {
    file,
  });
}

/**
 * Statements whose SQL depends on which filters are given, prepared once per shape (not one
 * catch-all `? IS NULL OR` statement, so SQLite can use the indexes).
 */
export class StatementCache {
  readonly #db: Db;
  readonly #statements = new Map<string, Database.Statement<Record<string, unknown>>>();

  constructor(db: Db) {
    this.#db = db;
  }

  get(sql: string): Database.Statement<Record<string, unknown>> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare<Record<string, unknown>>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

/** ` WHERE a = @a AND b = @b` for the filters that are set ('' for none). */
export function where(filter: Record<string, unknown>, columns: Record<string, string>): string {
  const parts = Object.keys(columns)
    .filter((key) => filter[key] !== undefined)
    .map((key) => `${columns[key]} = @${key}`);
  return parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '';
}

/** A SQLite LIMIT: -1 means no limit. */
export function limitOf(limit: number | undefined): number {
  return limit === undefined ? -1 : Math.max(0, Math.floor(limit));
}

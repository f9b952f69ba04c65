import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { storeErrors } from '../errors.ts';
import type { DeadLetter, DeadLetterFilter, NewDeadLetter } from '../types.ts';
import { type Db, limitOf, now, StatementCache, toJson, where } from './shared.ts';

interface DeadLetterRow {
  id: string;
  recipe: string;
  run_id: string;
  stream: string;
  stage: DeadLetter['stage'];
  reason: string;
  code: string | null;
  record: string;
  status: DeadLetter['status'];
  created_at: string;
  replay_run_id: string | null;
}

const COLUMNS =
  'id, recipe, run_id, stream, stage, reason, code, record, status, created_at, replay_run_id';
const FILTERS = { recipe: 'recipe', status: 'status' };

/**
 * The dead-letter queue. Lists are oldest first (the order letters were added), so pages
 * stay stable while new letters arrive. Id lists travel as one JSON parameter (`json_each`),
 * so any number of ids fits one prepared statement.
 */
export class SqliteDeadLetters {
  readonly #file: string;
  readonly #filtered: StatementCache;
  readonly #insert: Database.Statement<Record<string, unknown>>;
  readonly #get: Database.Statement<[string], DeadLetterRow>;
  readonly #mark: Database.Statement<Record<string, unknown>>;

  constructor(db: Db) {
    this.#file = db.name;
    this.#filtered = new StatementCache(db);
    this.#insert = db.prepare(`INSERT INTO dead_letters
      (id, recipe, run_id, stream, stage, reason, code, record, status, created_at)
      VALUES (@id, @recipe, @runId, @stream, @stage, @reason, @code, @record, 'pending', @createdAt)`);
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM dead_letters
      WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`);
    this.#mark = db.prepare(`UPDATE dead_letters SET status = @status, replay_run_id = @runId
      WHERE id IN (SELECT value FROM json_each(@ids))`);
  }

  /** Inserts one letter (inside commitBatch's transaction). */
  insert(letter: NewDeadLetter): void {
    const what = `the dead letter of stream ${letter.stream} in run ${letter.runId}`;
    try {
      this.#insert.run({
        id: randomUUID(),
        recipe: letter.recipe,
        runId: letter.runId,
        stream: letter.stream,
        stage: letter.stage,
        reason: letter.reason,
        code: letter.code,
        record: toJson(letter.record, `the record of ${what}`, this.#file),
        createdAt: now(),
      });
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw storeErrors.create(
          'FERRY_STORE_RUN_NOT_FOUND',
          `${what} cannot be stored: the store ${this.#file} has no run ${letter.runId}`,
          { file: this.#file, cause: error },
        );
      }
      throw error;
    }
  }

  list(filter: DeadLetterFilter = {}): DeadLetter[] {
    const sql = `SELECT ${COLUMNS} FROM dead_letters${where({ ...filter }, FILTERS)}
      ORDER BY seq LIMIT @limit OFFSET @offset`;
    const rows = this.#filtered.get(sql).all({
      ...filter,
      limit: limitOf(filter.limit),
      offset: Math.max(0, Math.floor(filter.offset ?? 0)),
    });
    return (rows as DeadLetterRow[]).map(toDeadLetter);
  }

  count(filter: DeadLetterFilter = {}): number {
    const sql = `SELECT COUNT(*) FROM dead_letters${where({ ...filter }, FILTERS)}`;
    return this.#filtered
      .get(sql)
      .pluck()
      .get({ ...filter }) as number;
  }

  get(ids: string[]): DeadLetter[] {
    return this.#get.all(JSON.stringify(ids)).map(toDeadLetter);
  }

  mark(ids: string[], status: 'replayed' | 'discarded', runId?: string): void {
    this.#mark.run({ ids: JSON.stringify(ids), status, runId });
  }
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  const letter: DeadLetter = {
    id: row.id,
    recipe: row.recipe,
    runId: row.run_id,
    stream: row.stream,
    stage: row.stage,
    reason: row.reason,
    record: JSON.parse(row.record),
    status: row.status,
    createdAt: row.created_at,
  };
  if (row.code !== null) letter.code = row.code;
  if (row.replay_run_id !== null) letter.replayRunId = row.replay_run_id;
  return letter;
}

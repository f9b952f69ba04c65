import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { storeErrors } from '../errors.ts';
import type { NewRun, RunCounts, RunFilter, RunPatch, RunRecord } from '../types.ts';
import { type Db, limitOf, now, StatementCache, where } from './shared.ts';

interface RunRow {
  id: string;
  recipe: string;
  status: RunRecord['status'];
  trigger: RunRecord['trigger'];
  attempt: number;
  started_at: string;
  finished_at: string | null;
  read_count: number;
  written_count: number;
  failed_count: number;
  dead_lettered_count: number;
  error_code: string | null;
  error_message: string | null;
}

const COLUMNS = `id, recipe, status, trigger, attempt, started_at, finished_at, read_count,
  written_count, failed_count, dead_lettered_count, error_code, error_message`;

/** The runs table. Newest first is creation order (`seq`), which ties in time cannot shuffle. */
export class SqliteRuns {
  readonly #file: string;
  readonly #filtered: StatementCache;
  readonly #insert: Database.Statement<Record<string, unknown>>;
  readonly #update: Database.Statement<Record<string, unknown>>;
  readonly #get: Database.Statement<[string], RunRow>;
  readonly #setCounts: Database.Statement<Record<string, unknown>>;
  readonly #interrupt: Database.Statement<[string], RunRow & { seq: number }>;

  constructor(db: Db) {
    this.#file = db.name;
    this.#filtered = new StatementCache(db);
    this.#insert = db.prepare(`INSERT INTO runs (id, recipe, status, trigger, attempt, started_at)
      VALUES (@id, @recipe, 'running', @trigger, @attempt, @startedAt)`);
    this.#update = db.prepare(`UPDATE runs SET
      status = COALESCE(@status, status),
      finished_at = COALESCE(@finishedAt, finished_at),
      read_count = COALESCE(@read, read_count),
      written_count = COALESCE(@written, written_count),
      failed_count = COALESCE(@failed, failed_count),
      dead_lettered_count = COALESCE(@deadLettered, dead_lettered_count),
      error_code = CASE WHEN @keepError THEN error_code ELSE @errorCode END,
      error_message = CASE WHEN @keepError THEN error_message ELSE @errorMessage END
      WHERE id = @id`);
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM runs WHERE id = ?`);
    this.#setCounts = db.prepare(`UPDATE runs SET read_count = @read, written_count = @written,
      failed_count = @failed, dead_lettered_count = @deadLettered WHERE id = @id`);
    this.#interrupt = db.prepare(`UPDATE runs SET status = 'interrupted'
      WHERE status = 'running' AND started_at < ? RETURNING seq, ${COLUMNS}`);
  }

  create(input: NewRun): RunRecord {
    const run: RunRecord = {
      id: randomUUID(),
      recipe: input.recipe,
      status: 'running',
      trigger: input.trigger,
      attempt: input.attempt ?? 1,
      startedAt: now(),
      counts: { read: 0, written: 0, failed: 0, deadLettered: 0 },
    };
    const { id, recipe, trigger, attempt, startedAt } = run;
    this.#insert.run({ id, recipe, trigger, attempt, startedAt });
    return run;
  }

  update(id: string, patch: RunPatch): void {
    const result = this.#update.run({
      id,
      status: patch.status,
      finishedAt: patch.finishedAt,
      read: patch.counts?.read,
      written: patch.counts?.written,
      failed: patch.counts?.failed,
      deadLettered: patch.counts?.deadLettered,
      keepError: patch.error === undefined ? 1 : 0,
      errorCode: patch.error?.code,
      errorMessage: patch.error?.message,
    });
    if (result.changes === 0) throw this.notFound(id, 'updated');
  }

  /** Replaces the counts of a run (inside commitBatch's transaction). */
  setCounts(id: string, counts: RunCounts): void {
    const result = this.#setCounts.run({ id, ...counts });
    if (result.changes === 0) throw this.notFound(id, 'given a batch');
  }

  exists(id: string): boolean {
    return this.#get.get(id) !== undefined;
  }

  get(id: string): RunRecord | undefined {
    const row = this.#get.get(id);
    return row && toRun(row);
  }

  list(filter: RunFilter = {}): RunRecord[] {
    const sql = `SELECT ${COLUMNS} FROM runs${where({ ...filter }, { recipe: 'recipe', status: 'status' })}
      ORDER BY seq DESC LIMIT @limit`;
    const rows = this.#filtered.get(sql).all({ ...filter, limit: limitOf(filter.limit) });
    return (rows as RunRow[]).map(toRun);
  }

  /** Marks 'running' runs started before `olderThan` (default: all) as 'interrupted'. */
  interrupt(olderThan?: Date): RunRecord[] {
    const before = olderThan?.toISOString() ?? '9999-12-31T23:59:59.999Z';
    const rows = this.#interrupt.all(before).sort((a, b) => b.seq - a.seq);
    return rows.map(toRun);
  }

  notFound(id: string, what: string): Error {
    return storeErrors.create(
      'FERRY_STORE_RUN_NOT_FOUND',
      `run ${id} cannot be ${what}: the store ${this.#file} has no such run`,
      { file: this.#file },
    );
  }
}

function toRun(row: RunRow): RunRecord {
  const run: RunRecord = {
    id: row.id,
    recipe: row.recipe,
    status: row.status,
    trigger: row.trigger,
    attempt: row.attempt,
    startedAt: row.started_at,
    counts: {
      read: row.read_count,
      written: row.written_count,
      failed: row.failed_count,
      deadLettered: row.dead_lettered_count,
    },
  };
  if (row.finished_at !== null) run.finishedAt = row.finished_at;
  if (row.error_code !== null) {
    run.error = { code: row.error_code, message: row.error_message ?? '' };
  }
  return run;
}

import type { JsonObject } from '@ferry/sdk';
import type Database from 'better-sqlite3';
import type { BatchCommit } from '../types.ts';
import type { SqliteDeadLetters } from './dead-letters.ts';
import type { SqliteRuns } from './runs.ts';
import { type Db, now, toJson } from './shared.ts';

/**
 * Per-stream state and the batch commit: a batch's dead letters, the stream's new state and
 * the run's counts are one transaction, so after a crash the state never covers a batch whose
 * dead letters or counts were lost (nor the other way round).
 */
export class SqliteBatches {
  readonly #file: string;
  readonly #runs: SqliteRuns;
  readonly #deadLetters: SqliteDeadLetters;
  readonly #getState: Database.Statement<[string], { stream: string; state: string }>;
  readonly #putState: Database.Statement<Record<string, unknown>>;
  readonly #resetState: Database.Statement<[string]>;
  readonly #commit: Database.Transaction<(input: BatchCommit) => void>;

  constructor(db: Db, runs: SqliteRuns, deadLetters: SqliteDeadLetters) {
    this.#file = db.name;
    this.#runs = runs;
    this.#deadLetters = deadLetters;
    this.#getState = db.prepare('SELECT stream, state FROM state WHERE recipe = ? ORDER BY stream');
    this.#putState = db.prepare(`INSERT INTO state (recipe, stream, state, run_id, updated_at)
      VALUES (@recipe, @stream, @state, @runId, @updatedAt)
      ON CONFLICT (recipe, stream) DO UPDATE SET state = excluded.state,
        run_id = excluded.run_id, updated_at = excluded.updated_at`);
    this.#resetState = db.prepare('DELETE FROM state WHERE recipe = ?');
    this.#commit = db.transaction((input: BatchCommit) => this.write(input));
  }

  getState(recipe: string): Record<string, JsonObject> {
    const rows = this.#getState.all(recipe);
    return Object.fromEntries(rows.map((row) => [row.stream, JSON.parse(row.state)]));
  }

  resetState(recipe: string): void {
    this.#resetState.run(recipe);
  }

  /** IMMEDIATE: takes the write lock up front, so a second process waits instead of failing. */
  commit(input: BatchCommit): void {
    this.#commit.immediate(input);
  }

  /** The commit without its transaction, for callers that hold one (two-way sync). */
  write(input: BatchCommit): void {
    if (!this.#runs.exists(input.runId)) throw this.#runs.notFound(input.runId, 'given a batch');
    for (const letter of input.deadLetters) this.#deadLetters.insert(letter);
    if (input.stream !== undefined && input.state !== undefined) {
      const where = `the state of stream ${input.stream} of recipe ${input.recipe}`;
      this.#putState.run({
        recipe: input.recipe,
        stream: input.stream,
        state: toJson(input.state, where, this.#file),
        runId: input.runId,
        updatedAt: now(),
      });
    }
    this.#runs.setCounts(input.runId, input.counts);
  }
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { JsonObject } from '@ferry/sdk';
import Database from 'better-sqlite3';
import { storeErrors } from './errors.ts';
import { migrate } from './migrations.ts';
import { SqliteAudit } from './sqlite/audit.ts';
import { SqliteBatches } from './sqlite/batches.ts';
import { SqliteDeadLetters } from './sqlite/dead-letters.ts';
import { SqliteIdentities } from './sqlite/identities.ts';
import { SqliteLocks } from './sqlite/locks.ts';
import { SqliteRuns } from './sqlite/runs.ts';
import { SqliteSecrets } from './sqlite/secrets.ts';
import { SqliteSync } from './sqlite/sync.ts';
import type * as S from './sync-types.ts';
import type * as T from './types.ts';

/**
 * The embedded store: one SQLite file (better-sqlite3, synchronous, behind async methods so
 * that the same interface fits PostgreSQL). Several processes may open one file: writes take
 * SQLite's write lock and wait for it up to `busy_timeout`.
 */
export class SqliteStore implements T.Store {
  readonly file: string;
  readonly #db: Database.Database;
  readonly #runs: SqliteRuns;
  readonly #batches: SqliteBatches;
  readonly #deadLetters: SqliteDeadLetters;
  readonly #audit: SqliteAudit;
  readonly #identities: SqliteIdentities;
  readonly #secrets: SqliteSecrets;
  readonly #locks: SqliteLocks;
  readonly #sync: SqliteSync;

  /**
   * Opens (or creates, with its folder) the store file and brings its schema up to date, so
   * the store is ready to use. `:memory:` gives a private in-memory store.
   */
  static open(file: string): SqliteStore {
    const db = connect(file);
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  private constructor(db: Database.Database) {
    this.file = db.name;
    this.#db = db;
    this.#runs = new SqliteRuns(db);
    this.#deadLetters = new SqliteDeadLetters(db);
    this.#batches = new SqliteBatches(db, this.#runs, this.#deadLetters);
    this.#audit = new SqliteAudit(db);
    this.#identities = new SqliteIdentities(db);
    this.#secrets = new SqliteSecrets(db);
    this.#locks = new SqliteLocks(db);
    this.#sync = new SqliteSync(db, {
      runs: this.#runs,
      batches: this.#batches,
      deadLetters: this.#deadLetters,
      audit: this.#audit,
      identities: this.#identities,
    });
  }

  async migrate(): Promise<void> {
    migrate(this.#db);
  }

  /** Closes the file; closing twice is harmless. */
  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  async createRun(input: T.NewRun): Promise<T.RunRecord> {
    return this.#runs.create(input);
  }
  async updateRun(id: string, patch: T.RunPatch): Promise<void> {
    this.#runs.update(id, patch);
  }
  async getRun(id: string): Promise<T.RunRecord | undefined> {
    return this.#runs.get(id);
  }
  async listRuns(filter?: T.RunFilter): Promise<T.RunRecord[]> {
    return this.#runs.list(filter);
  }
  async interruptRunning(olderThan?: Date): Promise<T.RunRecord[]> {
    return this.#runs.interrupt(olderThan);
  }

  async getState(recipe: string): Promise<Record<string, JsonObject>> {
    return this.#batches.getState(recipe);
  }
  async commitBatch(input: T.BatchCommit): Promise<void> {
    this.#batches.commit(input);
  }
  async resetState(recipe: string): Promise<void> {
    this.#batches.resetState(recipe);
  }

  async listDeadLetters(filter?: T.DeadLetterFilter): Promise<T.DeadLetter[]> {
    return this.#deadLetters.list(filter);
  }
  async countDeadLetters(filter?: T.DeadLetterFilter): Promise<number> {
    return this.#deadLetters.count(filter);
  }
  async getDeadLetters(ids: string[]): Promise<T.DeadLetter[]> {
    return this.#deadLetters.get(ids);
  }
  async markDeadLetters(ids: string[], status: 'replayed' | 'discarded', runId?: string) {
    this.#deadLetters.mark(ids, status, runId);
  }

  async audit(entry: T.NewAuditEntry): Promise<void> {
    this.#audit.append(entry);
  }
  async listAudit(filter?: Parameters<T.Store['listAudit']>[0]): Promise<T.AuditEntry[]> {
    return this.#audit.list(filter);
  }

  async linkIdentity(link: Parameters<T.Store['linkIdentity']>[0]): Promise<string> {
    return this.#identities.link(link);
  }
  async findIdentity(entity: string, system: string, externalId: string) {
    return this.#identities.find(entity, system, externalId);
  }
  async identitiesOf(entity: string, ferryId: string) {
    return this.#identities.of(entity, ferryId);
  }

  async putSecret(name: string, ciphertext: string): Promise<void> {
    this.#secrets.put(name, ciphertext);
  }
  async getSecret(name: string): Promise<string | undefined> {
    return this.#secrets.get(name);
  }
  async listSecrets(): Promise<string[]> {
    return this.#secrets.list();
  }
  async deleteSecret(name: string): Promise<boolean> {
    return this.#secrets.delete(name);
  }

  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.#locks.acquire(name, owner, ttlMs);
  }
  async lockHolder(name: string): Promise<{ owner: string; expiresAt: string } | undefined> {
    return this.#locks.holder(name);
  }

  async releaseLock(name: string, owner: string): Promise<void> {
    this.#locks.release(name, owner);
  }

  async syncLinks(entity: string, records: { system: string; externalId: string }[]) {
    return this.#sync.links(entity, records);
  }
  async syncMatches(entity: string, keys: string[]) {
    return this.#sync.matches(entity, keys);
  }
  async syncRecords(entity: string, ferryIds: string[]) {
    return this.#sync.records(entity, ferryIds);
  }
  async syncFields(entity: string, ferryIds: string[]) {
    return this.#sync.fields(entity, ferryIds);
  }
  async syncPending(recipe: string, limit: number) {
    return this.#sync.pending(recipe, limit);
  }
  async markSyncPending(recipe: string, ferryIds: string[]) {
    this.#sync.markPending(recipe, ferryIds);
  }
  async commitSyncIngest(input: S.SyncIngestCommit) {
    this.#sync.commitIngest(input);
  }
  async commitSyncPush(input: S.SyncPushCommit) {
    this.#sync.commitPush(input);
  }
  async lineage(entity: string, id: string) {
    return this.#sync.lineage(entity, id);
  }
}

/**
 * Opens the file with the store's pragmas. Durability: WAL with synchronous = NORMAL keeps
 * every committed transaction when the process dies (kill -9, crash): a commit is in the WAL,
 * in the operating system's hands, before it returns. A power loss or OS crash may lose the
 * last transactions before a checkpoint (the file stays consistent); FULL would fsync every
 * commit for that, at a large cost per batch.
 */
function connect(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:' && file !== '') mkdirSync(dirname(resolve(file)), { recursive: true });
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw storeErrors.create(
      'FERRY_STORE_OPEN_FAILED',
      `cannot open the store ${file}: ${(error as Error).message}`,
      { file, cause: error },
    );
  }
}

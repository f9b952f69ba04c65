import type { JsonObject } from '@ferry/sdk';
import type { SyncStore } from './sync-types.ts';

/**
 * The store (*one interface, two implementations*): runs, per-stream state, the dead-letter
 * queue, the audit log, the identity map, encrypted secrets and locks. The embedded default
 * is SQLite (one file under .ferry/); a PostgreSQL implementation must pass the same shared
 * test suite (`store/store-suite.ts`). Every method is async so that network stores fit.
 */
export interface Store extends SyncStore {
  /** Creates or upgrades the schema (idempotent; migrations are versioned). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createRun(input: NewRun): Promise<RunRecord>;
  /**
   * Sets status/finish/error; counts are replaced when given. An unknown id is
   * FERRY_STORE_RUN_NOT_FOUND.
   */
  updateRun(id: string, patch: RunPatch): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  /** Runs left 'running' by a process that died: marks them 'interrupted' and returns them. */
  interruptRunning(olderThan?: Date): Promise<RunRecord[]>;

  /** Stream name -> the last committed state of that source stream for a recipe. */
  getState(recipe: string): Promise<Record<string, JsonObject>>;
  /**
   * Commits, in one transaction: the dead letters of a batch, the new state of a source
   * stream (after the destination acknowledged the batch) and the run's counts so far.
   * Any failure (an unknown run: FERRY_STORE_RUN_NOT_FOUND; a record JSON cannot hold:
   * FERRY_STORE_VALUE_INVALID) commits none of it.
   */
  commitBatch(input: BatchCommit): Promise<void>;
  /** Forgets a recipe's state (the next run reads everything again). */
  resetState(recipe: string): Promise<void>;

  /** Oldest first (the order they were added), so pages stay stable while new ones arrive. */
  listDeadLetters(filter?: DeadLetterFilter): Promise<DeadLetter[]>;
  countDeadLetters(filter?: DeadLetterFilter): Promise<number>;
  getDeadLetters(ids: string[]): Promise<DeadLetter[]>;
  markDeadLetters(ids: string[], status: 'replayed' | 'discarded', runId?: string): Promise<void>;

  audit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter?: { subject?: string; action?: string; limit?: number }): Promise<AuditEntry[]>;

  /**
   * Links (entity, system, externalId) to a Ferry id; creates one when `ferryId` is absent and
   * no link exists. Returns the Ferry id. Relinking to the same id is a no-op; to another id it
   * is FERRY_STORE_IDENTITY_CONFLICT.
   */
  linkIdentity(link: {
    entity: string;
    system: string;
    externalId: string;
    ferryId?: string;
  }): Promise<string>;
  findIdentity(entity: string, system: string, externalId: string): Promise<string | undefined>;
  identitiesOf(entity: string, ferryId: string): Promise<{ system: string; externalId: string }[]>;

  /** Secrets are stored encrypted by the caller (AES-256-GCM); the store keeps opaque text. */
  putSecret(name: string, ciphertext: string): Promise<void>;
  getSecret(name: string): Promise<string | undefined>;
  listSecrets(): Promise<string[]>;
  deleteSecret(name: string): Promise<boolean>;

  /** A lease: true when `owner` now holds `name` (free, expired, or already its own). */
  acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLock(name: string, owner: string): Promise<void>;
  /** Who holds a lock and until when, or undefined when nobody does. */
  lockHolder(name: string): Promise<{ owner: string; expiresAt: string } | undefined>;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';
export type RunTrigger = 'manual' | 'cron' | 'interval' | 'webhook' | 'replay' | 'resume';

export interface RunCounts {
  read: number;
  written: number;
  failed: number;
  deadLettered: number;
}

export interface RunRecord {
  id: string;
  recipe: string;
  status: RunStatus;
  trigger: RunTrigger;
  attempt: number;
  startedAt: string;
  finishedAt?: string;
  counts: RunCounts;
  error?: { code: string; message: string };
}

export interface NewRun {
  recipe: string;
  trigger: RunTrigger;
  attempt?: number;
}

export interface RunPatch {
  status?: RunStatus;
  finishedAt?: string;
  counts?: RunCounts;
  error?: { code: string; message: string } | null;
}

export interface RunFilter {
  recipe?: string;
  status?: RunStatus;
  limit?: number;
}

export interface BatchCommit {
  runId: string;
  recipe: string;
  /** The source stream and its new state; absent when the batch moved no state. */
  stream?: string;
  state?: JsonObject;
  counts: RunCounts;
  deadLetters: NewDeadLetter[];
}

export type DeadLetterStage = 'validate' | 'map' | 'write';

export interface NewDeadLetter {
  recipe: string;
  runId: string;
  stream: string;
  stage: DeadLetterStage;
  reason: string;
  code?: string;
  /** The source record as read. */
  record: JsonObject;
}

export interface DeadLetter extends NewDeadLetter {
  id: string;
  status: 'pending' | 'replayed' | 'discarded';
  createdAt: string;
  replayRunId?: string;
}

export interface DeadLetterFilter {
  recipe?: string;
  status?: DeadLetter['status'];
  limit?: number;
  offset?: number;
}

export interface NewAuditEntry {
  /** Who or what: 'cli', 'daemon', 'api:<token name>', 'scheduler'. */
  actor: string;
  /** What: 'install', 'uninstall', 'config.change', 'dlq.replay', 'erase', 'secret.set', ... */
  action: string;
  subject: string;
  details?: JsonObject;
}

export interface AuditEntry extends NewAuditEntry {
  id: number;
  at: string;
}

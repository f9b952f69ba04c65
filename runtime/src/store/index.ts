export { type StoreErrorCode, storeErrors } from './errors.ts';
export { SqliteStore } from './sqlite-store.ts';
export type {
  LineageEntry,
  SyncField,
  SyncIngestCommit,
  SyncLink,
  SyncPushCommit,
  SyncRecord,
  SyncStore,
} from './sync-types.ts';
export type {
  AuditEntry,
  BatchCommit,
  DeadLetter,
  DeadLetterFilter,
  DeadLetterStage,
  NewAuditEntry,
  NewDeadLetter,
  NewRun,
  RunCounts,
  RunFilter,
  RunPatch,
  RunRecord,
  RunStatus,
  RunTrigger,
  Store,
} from './types.ts';

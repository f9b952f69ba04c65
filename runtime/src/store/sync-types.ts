import type { JsonObject } from '@ferry/sdk';
import type { NewAuditEntry, NewDeadLetter, RunCounts } from './types.ts';

/**
 * What the store keeps for two-way sync (runtime/src/sync): the last values each system holds
 * for an entity, the last value Ferry wrote to each system per field (loop prevention and
 * lineage), the match index for dedupe, and the entities waiting to be pushed (an outbox, so
 * a cursor can be committed before the writes it causes).
 */

/** One system's record of an entity, as last read or written (canonical values, flattened). */
export interface SyncRecord {
  entity: string;
  ferryId: string;
  system: string;
  externalId: string;
  /** Canonical field path -> value, e.g. { email: 'a@b.c', 'billingAddress.city': 'Lyon' }. */
  values: JsonObject;
  /** The value of the system's write key (e.g. HubSpot email, Odoo ref), for updates. */
  key?: string;
  /** When the system last changed it (its own clock), for newest-wins conflicts. */
  modifiedAt?: string;
  /** A near-duplicate merged into the record `duplicateOf` (an external id of the same system). */
  duplicateOf?: string;
}

/** Per entity and field: the value both systems last agreed on, and what Ferry last wrote where. */
export interface SyncField {
  entity: string;
  ferryId: string;
  field: string;
  agreed?: unknown;
  /** System -> the value Ferry last wrote there. */
  written: Record<string, unknown>;
}

/** Which run, source and record last wrote a field of an entity into a system. */
export interface LineageEntry {
  entity: string;
  ferryId: string;
  field: string;
  /** The system written to. */
  system: string;
  value: unknown;
  runId: string;
  recipe: string;
  sourceSystem: string;
  sourceId: string;
  at: string;
}

export interface SyncLink {
  entity: string;
  system: string;
  externalId: string;
  ferryId: string;
}

/** What one page of a side's change feed commits, in one transaction. */
export interface SyncIngestCommit {
  runId: string;
  recipe: string;
  /** The state key (`<connection>.<stream>`) and its new state, when the page moved it. */
  stream?: string;
  state?: JsonObject;
  counts: RunCounts;
  records: SyncRecord[];
  links: SyncLink[];
  /** `rule:normalised value` -> Ferry id; a key already taken keeps its first entity. */
  matchKeys: { entity: string; key: string; ferryId: string }[];
  pending: string[];
  merges: NewAuditEntry[];
}

/** What one pushed batch commits, after the target system acknowledged it. */
export interface SyncPushCommit {
  runId: string;
  recipe: string;
  counts: RunCounts;
  records: SyncRecord[];
  links: SyncLink[];
  fields: SyncField[];
  lineage: LineageEntry[];
  /** Entities whose push is complete (delivered or dead-lettered): leave the outbox. */
  done: string[];
  deadLetters: NewDeadLetter[];
}

export interface SyncStore {
  /** Ferry ids already linked to these records, by `system\u0000externalId`. */
  syncLinks(
    entity: string,
    records: { system: string; externalId: string }[],
  ): Promise<Map<string, string>>;
  /** Ferry ids holding these match keys. */
  syncMatches(entity: string, keys: string[]): Promise<Map<string, string>>;
  syncRecords(entity: string, ferryIds: string[]): Promise<SyncRecord[]>;
  syncFields(entity: string, ferryIds: string[]): Promise<SyncField[]>;
  /** Entities waiting to be pushed by a recipe, oldest first. */
  syncPending(recipe: string, limit: number): Promise<string[]>;
  markSyncPending(recipe: string, ferryIds: string[]): Promise<void>;
  commitSyncIngest(input: SyncIngestCommit): Promise<void>;
  commitSyncPush(input: SyncPushCommit): Promise<void>;
  /** The last write of each field of an entity into each system; `id` is a Ferry id or any system's external id. */
  lineage(entity: string, id: string): Promise<LineageEntry[]>;
}

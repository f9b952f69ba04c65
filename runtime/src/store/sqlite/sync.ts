import type Database from 'better-sqlite3';
import type {
  LineageEntry,
  SyncField,
  SyncIngestCommit,
  SyncPushCommit,
  SyncRecord,
} from '../sync-types.ts';
import type { SqliteAudit } from './audit.ts';
import type { SqliteBatches } from './batches.ts';
import type { SqliteDeadLetters } from './dead-letters.ts';
import type { SqliteIdentities } from './identities.ts';
import type { SqliteRuns } from './runs.ts';
import { type Db, toJson } from './shared.ts';

interface Parts {
  runs: SqliteRuns;
  batches: SqliteBatches;
  deadLetters: SqliteDeadLetters;
  audit: SqliteAudit;
  identities: SqliteIdentities;
}

type Row = Record<string, string | number | null>;

/** Two-way sync tables (migration 3); every commit is one IMMEDIATE transaction. */
export class SqliteSync {
  readonly #db: Db;
  readonly #file: string;
  readonly #parts: Parts;
  readonly #ingest: Database.Transaction<(input: SyncIngestCommit) => void>;
  readonly #push: Database.Transaction<(input: SyncPushCommit) => void>;
  #seq = Date.now() * 1000;

  constructor(db: Db, parts: Parts) {
    this.#db = db;
    this.#file = db.name;
    this.#parts = parts;
    this.#ingest = db.transaction((input: SyncIngestCommit) => this.#writeIngest(input));
    this.#push = db.transaction((input: SyncPushCommit) => this.#writePush(input));
  }

  links(entity: string, records: { system: string; externalId: string }[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of records) {
      const id = this.#parts.identities.find(entity, r.system, r.externalId);
      if (id !== undefined) out.set(`${r.system}\u0000${r.externalId}`, id);
    }
    return out;
  }

  matches(entity: string, keys: string[]): Map<string, string> {
    const get = this.#db
      .prepare<[string, string], string>(
        'SELECT ferry_id FROM sync_match_keys WHERE entity = ? AND key = ?',
      )
      .pluck();
    const out = new Map<string, string>();
    for (const key of keys) {
      const id = get.get(entity, key);
      if (id !== undefined) out.set(key, id);
    }
    return out;
  }

  records(entity: string, ferryIds: string[]): SyncRecord[] {
    return this.#inChunks(ferryIds, (ids) =>
      (
        this.#db
          .prepare(
            `SELECT * FROM sync_records WHERE entity = ? AND ferry_id IN (${ids.map(() => '?').join(',')}) ORDER BY seq`,
          )
          .all(entity, ...ids) as Row[]
      ).map((row) => ({
        entity: row.entity as string,
        ferryId: row.ferry_id as string,
        system: row.system as string,
        externalId: row.external_id as string,
        values: JSON.parse(row.record_values as string),
        ...(row.write_key === null ? {} : { key: row.write_key as string }),
        ...(row.modified_at === null ? {} : { modifiedAt: row.modified_at as string }),
        ...(row.duplicate_of === null ? {} : { duplicateOf: row.duplicate_of as string }),
      })),
    );
  }

  fields(entity: string, ferryIds: string[]): SyncField[] {
    return this.#inChunks(ferryIds, (ids) =>
      (
        this.#db
          .prepare(
            `SELECT * FROM sync_fields WHERE entity = ? AND ferry_id IN (${ids.map(() => '?').join(',')})`,
          )
          .all(entity, ...ids) as Row[]
      ).map((row) => ({
        entity: row.entity as string,
        ferryId: row.ferry_id as string,
        field: row.field as string,
        ...(row.agreed === null ? {} : { agreed: JSON.parse(row.agreed as string) }),
        written: JSON.parse(row.written as string),
      })),
    );
  }

  pending(recipe: string, limit: number): string[] {
    return this.#db
      .prepare<[string, number], string>(
        'SELECT ferry_id FROM sync_pending WHERE recipe = ? ORDER BY seq LIMIT ?',
      )
      .pluck()
      .all(recipe, limit);
  }

  markPending(recipe: string, ferryIds: string[]): void {
    this.#db.transaction(() => this.#markPending(recipe, ferryIds)).immediate();
  }

  commitIngest(input: SyncIngestCommit): void {
    this.#ingest.immediate(input);
  }

  commitPush(input: SyncPushCommit): void {
    this.#push.immediate(input);
  }

  lineage(entity: string, id: string): LineageEntry[] {
    const ferryId =
      (this.#db
        .prepare<[string, string, string], string>(
          'SELECT ferry_id FROM identities WHERE entity = ? AND (ferry_id = ? OR external_id = ?) LIMIT 1',
        )
        .pluck()
        .get(entity, id, id) as string | undefined) ?? id;
    return (
      this.#db
        .prepare(
          'SELECT * FROM sync_lineage WHERE entity = ? AND ferry_id = ? ORDER BY field, system',
        )
        .all(entity, ferryId) as Row[]
    ).map((row) => ({
      entity: row.entity as string,
      ferryId: row.ferry_id as string,
      field: row.field as string,
      system: row.system as string,
      value: row.value === null ? null : JSON.parse(row.value as string),
      runId: row.run_id as string,
      recipe: row.recipe as string,
      sourceSystem: row.source_system as string,
      sourceId: row.source_id as string,
      at: row.at as string,
    }));
  }

  #writeIngest(input: SyncIngestCommit): void {
    const { runs, batches, audit } = this.#parts;
    if (!runs.exists(input.runId)) throw runs.notFound(input.runId, 'given a sync page');
    for (const link of input.links) this.#parts.identities.linkNow(link);
    for (const record of input.records) this.#putRecord(record);
    const key = this.#db.prepare(
      'INSERT INTO sync_match_keys (entity, key, ferry_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const m of input.matchKeys) key.run(m.entity, m.key, m.ferryId);
    this.#markPending(input.recipe, input.pending);
    for (const merge of input.merges) audit.append(merge);
    batches.write({
      runId: input.runId,
      recipe: input.recipe,
      counts: input.counts,
      deadLetters: [],
      ...(input.stream !== undefined && input.state !== undefined
        ? { stream: input.stream, state: input.state }
        : {}),
    });
  }

  #writePush(input: SyncPushCommit): void {
    const { runs, batches, deadLetters } = this.#parts;
    if (!runs.exists(input.runId)) throw runs.notFound(input.runId, 'given a sync push');
    for (const link of input.links) this.#parts.identities.linkNow(link);
    for (const record of input.records) this.#putRecord(record);
    const field =
      this.#db.prepare(`INSERT INTO sync_fields (entity, ferry_id, field, agreed, written)
      VALUES (@entity, @ferryId, @field, @agreed, @written)
      ON CONFLICT (entity, ferry_id, field) DO UPDATE SET agreed = excluded.agreed, written = excluded.written`);
    for (const f of input.fields)
      field.run({
        entity: f.entity,
        ferryId: f.ferryId,
        field: f.field,
        agreed: f.agreed === undefined ? null : toJson(f.agreed, `field ${f.field}`, this.#file),
        written: toJson(f.written, `field ${f.field}`, this.#file),
      });
    const lineage = this.#db.prepare(`INSERT INTO sync_lineage
      (entity, ferry_id, field, system, value, run_id, recipe, source_system, source_id, at)
      VALUES (@entity, @ferryId, @field, @system, @value, @runId, @recipe, @sourceSystem, @sourceId, @at)
      ON CONFLICT (entity, ferry_id, field, system) DO UPDATE SET value = excluded.value,
        run_id = excluded.run_id, recipe = excluded.recipe, source_system = excluded.source_system,
        source_id = excluded.source_id, at = excluded.at`);
    for (const l of input.lineage)
      lineage.run({
        ...l,
        value: l.value === undefined ? null : toJson(l.value, 'lineage', this.#file),
      });
    const done = this.#db.prepare('DELETE FROM sync_pending WHERE recipe = ? AND ferry_id = ?');
    for (const id of input.done) done.run(input.recipe, id);
    for (const letter of input.deadLetters) deadLetters.insert(letter);
    batches.write({
      runId: input.runId,
      recipe: input.recipe,
      counts: input.counts,
      deadLetters: [],
    });
  }

  #putRecord(record: SyncRecord): void {
    this.#db
      .prepare(`INSERT INTO sync_records
        (entity, ferry_id, system, external_id, record_values, write_key, modified_at, duplicate_of, seq)
        VALUES (@entity, @ferryId, @system, @externalId, @values, @key, @modifiedAt, @duplicateOf, @seq)
        ON CONFLICT (entity, system, external_id) DO UPDATE SET ferry_id = excluded.ferry_id,
          record_values = excluded.record_values, write_key = COALESCE(excluded.write_key, write_key),
          modified_at = COALESCE(excluded.modified_at, modified_at), duplicate_of = excluded.duplicate_of`)
      .run({
        entity: record.entity,
        ferryId: record.ferryId,
        system: record.system,
        externalId: record.externalId,
        values: toJson(record.values, `the ${record.entity} ${record.externalId}`, this.#file),
        key: record.key ?? null,
        modifiedAt: record.modifiedAt ?? null,
        duplicateOf: record.duplicateOf ?? null,
        seq: this.#seq++,
      });
  }

  #markPending(recipe: string, ferryIds: string[]): void {
    const mark = this.#db.prepare(
      'INSERT INTO sync_pending (recipe, ferry_id, seq) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const id of ferryIds) mark.run(recipe, id, this.#seq++);
  }

  #inChunks<T>(ids: string[], read: (chunk: string[]) => T[]): T[] {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...read(ids.slice(i, i + 500)));
    return out;
  }
}

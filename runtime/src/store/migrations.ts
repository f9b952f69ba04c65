import type Database from 'better-sqlite3';
import { storeErrors } from './errors.ts';

/** One schema change. Applied migrations are never edited: a change is a new migration. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The SQLite schema, oldest first. A store file created by an older Ferry has only the first
 * versions applied and is upgraded by the rest when it is opened.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, state, dead letters, audit log',
    sql: `
      CREATE TABLE runs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        recipe TEXT NOT NULL,
        status TEXT NOT NULL,
        trigger TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        read_count INTEGER NOT NULL DEFAULT 0,
        written_count INTEGER NOT NULL DEFAULT 0,
        failed_count INTEGER NOT NULL DEFAULT 0,
        dead_lettered_count INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT
      );
      CREATE INDEX runs_recipe ON runs (recipe);
      CREATE INDEX runs_status ON runs (status);

      CREATE TABLE state (
        recipe TEXT NOT NULL,
        stream TEXT NOT NULL,
        state TEXT NOT NULL,
        run_id TEXT REFERENCES runs (id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (recipe, stream)
      );

      CREATE TABLE dead_letters (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        recipe TEXT NOT NULL,
        run_id TEXT NOT NULL REFERENCES runs (id),
        stream TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        code TEXT,
        record TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        created_at TEXT NOT NULL,
        replay_run_id TEXT
      );
      CREATE INDEX dead_letters_recipe_status ON dead_letters (recipe, status);
      CREATE INDEX dead_letters_status ON dead_letters (status);
      CREATE INDEX dead_letters_run ON dead_letters (run_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        details TEXT
      );
      CREATE INDEX audit_log_subject ON audit_log (subject);
      CREATE INDEX audit_log_action ON audit_log (action);
    `,
  },
  {
    version: 2,
    name: 'identity map, secrets, locks',
    sql: `
      CREATE TABLE identities (
        entity TEXT NOT NULL,
        system TEXT NOT NULL,
        external_id TEXT NOT NULL,
        ferry_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (entity, system, external_id)
      );
      CREATE INDEX identities_ferry_id ON identities (entity, ferry_id);

      CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        ciphertext TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'two-way sync: records per system, fields, lineage, match keys, outbox',
    sql: `
      CREATE TABLE sync_records (
        entity TEXT NOT NULL,
        ferry_id TEXT NOT NULL,
        system TEXT NOT NULL,
        external_id TEXT NOT NULL,
        record_values TEXT NOT NULL,
        write_key TEXT,
        modified_at TEXT,
        duplicate_of TEXT,
        seq INTEGER NOT NULL,
        PRIMARY KEY (entity, system, external_id)
      );
      CREATE INDEX sync_records_ferry_id ON sync_records (entity, ferry_id);

      CREATE TABLE sync_fields (
        entity TEXT NOT NULL,
        ferry_id TEXT NOT NULL,
        field TEXT NOT NULL,
        agreed TEXT,
        written TEXT NOT NULL,
        PRIMARY KEY (entity, ferry_id, field)
      );

      CREATE TABLE sync_lineage (
        entity TEXT NOT NULL,
        ferry_id TEXT NOT NULL,
        field TEXT NOT NULL,
        system TEXT NOT NULL,
        value TEXT,
        run_id TEXT NOT NULL,
        recipe TEXT NOT NULL,
        source_system TEXT NOT NULL,
        source_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (entity, ferry_id, field, system)
      );

      CREATE TABLE sync_match_keys (
        entity TEXT NOT NULL,
        key TEXT NOT NULL,
        ferry_id TEXT NOT NULL,
        PRIMARY KEY (entity, key)
      );

      CREATE TABLE sync_pending (
        recipe TEXT NOT NULL,
        ferry_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (recipe, ferry_id)
      );
      CREATE INDEX sync_pending_seq ON sync_pending (recipe, seq);
    `,
  },
];

/**
 * Applies the migrations the file does not have yet, each in its own IMMEDIATE transaction
 * (so two processes opening one file at once apply each migration once), and records them in
 * `schema_migrations`. Returns the versions applied now; a second call applies nothing.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const file = db.name;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const current = schemaVersion(db);
  if (current > latest) {
    throw storeErrors.create(
      'FERRY_STORE_SCHEMA_TOO_NEW',
      `the store ${file} has schema version ${current}; this Ferry knows versions up to ${latest}`,
      { file },
    );
  }
  const has = db.prepare<[number], 1>('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = db.transaction(() => {
      if (has.get(migration.version) !== undefined) return false;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    try {
      if (apply.immediate()) applied.push(migration.version);
    } catch (error) {
      throw storeErrors.create(
        'FERRY_STORE_MIGRATION_FAILED',
        `migration ${migration.version} (${migration.name}) of the store ${file} failed: ${(error as Error).message}`,
        { file, cause: error },
      );
    }
  }
  return applied;
}

/** The highest migration version applied to the file (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  const row = db.prepare<[], number | null>('SELECT MAX(version) FROM schema_migrations').pluck();
  return row.get() ?? 0;
}

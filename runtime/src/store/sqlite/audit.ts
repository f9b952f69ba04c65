import type Database from 'better-sqlite3';
import type { AuditEntry, NewAuditEntry } from '../types.ts';
import { type Db, limitOf, now, StatementCache, toJson, where } from './shared.ts';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string | null;
}

export interface AuditFilter {
  subject?: string;
  action?: string;
  limit?: number;
}

/** The audit log: append-only; lists are newest first. */
export class SqliteAudit {
  readonly #file: string;
  readonly #filtered: StatementCache;
  readonly #insert: Database.Statement<Record<string, unknown>>;

  constructor(db: Db) {
    this.#file = db.name;
    this.#filtered = new StatementCache(db);
    this.#insert = db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details)
      VALUES (@at, @actor, @action, @subject, @details)`);
  }

  append(entry: NewAuditEntry): void {
    const details =
      entry.details === undefined
        ? null
        : toJson(entry.details, `the details of audit entry ${entry.action}`, this.#file);
    this.#insert.run({
      at: now(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details,
    });
  }

  list(filter: AuditFilter = {}): AuditEntry[] {
    const sql = `SELECT id, at, actor, action, subject, details FROM audit_log${where(
      { ...filter },
      { subject: 'subject', action: 'action' },
    )} ORDER BY id DESC LIMIT @limit`;
    const rows = this.#filtered.get(sql).all({ ...filter, limit: limitOf(filter.limit) });
    return (rows as AuditRow[]).map((row) => {
      const entry: AuditEntry = {
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
      };
      if (row.details !== null) entry.details = JSON.parse(row.details);
      return entry;
    });
  }
}

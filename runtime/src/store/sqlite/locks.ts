import type Database from 'better-sqlite3';
import type { Db } from './shared.ts';

/**
 * Leases. One statement decides: it takes a lock that is free, expired or already held by
 * the same owner (which renews the lease), and changes nothing when another owner's lease is
 * still running. Expiry compares ISO timestamps from the clocks of the processes sharing the
 * file, i.e. of one machine.
 */
export class SqliteLocks {
  readonly #acquire: Database.Statement<Record<string, unknown>>;
  readonly #release: Database.Statement<[string, string]>;
  readonly #holder: Database.Statement<[string]>;

  constructor(db: Db) {
    this.#acquire = db.prepare(`INSERT INTO locks (name, owner, expires_at)
      VALUES (@name, @owner, @expiresAt)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE locks.owner = excluded.owner OR locks.expires_at <= @now`);
    this.#release = db.prepare('DELETE FROM locks WHERE name = ? AND owner = ?');
    this.#holder = db.prepare('SELECT owner, expires_at AS expiresAt FROM locks WHERE name = ?');
  }

  /** Who holds a lock and until when (an expired lease is reported too). */
  holder(name: string): { owner: string; expiresAt: string } | undefined {
    return this.#holder.get(name) as { owner: string; expiresAt: string } | undefined;
  }

  acquire(name: string, owner: string, ttlMs: number): boolean {
    const at = Date.now();
    const expiresAt = new Date(at + Math.max(0, ttlMs)).toISOString();
    const result = this.#acquire.run({ name, owner, expiresAt, now: new Date(at).toISOString() });
    return result.changes > 0;
  }

  /** Releases the lock if `owner` holds it; another owner's lock is left alone. */
  release(name: string, owner: string): void {
    this.#release.run(name, owner);
  }
}

import type Database from 'better-sqlite3';
import { type Db, now } from './shared.ts';

/** Secrets as opaque text: the caller encrypts (AES-256-GCM) before they reach the store. */
export class SqliteSecrets {
  readonly #put: Database.Statement<[string, string, string]>;
  readonly #get: Database.Statement<[string], string>;
  readonly #list: Database.Statement<[], string>;
  readonly #delete: Database.Statement<[string]>;

  constructor(db: Db) {
    this.#put = db.prepare(`INSERT INTO secrets (name, ciphertext, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET ciphertext = excluded.ciphertext,
        updated_at = excluded.updated_at`);
    this.#get = db
      .prepare<[string], string>('SELECT ciphertext FROM secrets WHERE name = ?')
      .pluck();
    this.#list = db.prepare<[], string>('SELECT name FROM secrets ORDER BY name').pluck();
    this.#delete = db.prepare('DELETE FROM secrets WHERE name = ?');
  }

  put(name: string, ciphertext: string): void {
    this.#put.run(name, ciphertext, now());
  }

  get(name: string): string | undefined {
    return this.#get.get(name);
  }

  list(): string[] {
    return this.#list.all();
  }

  delete(name: string): boolean {
    return this.#delete.run(name).changes > 0;
  }
}

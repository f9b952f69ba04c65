import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { storeErrors } from '../errors.ts';
import { type Db, now } from './shared.ts';

export interface IdentityLink {
  entity: string;
  system: string;
  externalId: string;
  ferryId?: string;
}

/**
 * The identity map: (entity, system, external id) -> Ferry id. One external record belongs to
 * one Ferry id; one Ferry id gathers the records of every system that hold the same entity.
 */
export class SqliteIdentities {
  readonly #file: string;
  readonly #find: Database.Statement<[string, string, string], string>;
  readonly #insert: Database.Statement<Record<string, unknown>>;
  readonly #of: Database.Statement<[string, string], { system: string; externalId: string }>;
  readonly #link: Database.Transaction<(link: IdentityLink) => string>;

  constructor(db: Db) {
    this.#file = db.name;
    this.#find = db
      .prepare<[string, string, string], string>(
        'SELECT ferry_id FROM identities WHERE entity = ? AND system = ? AND external_id = ?',
      )
      .pluck();
    this.#insert = db.prepare(`INSERT INTO identities
      (entity, system, external_id, ferry_id, created_at)
      VALUES (@entity, @system, @externalId, @ferryId, @createdAt)`);
    this.#of = db.prepare(`SELECT system, external_id AS externalId FROM identities
      WHERE entity = ? AND ferry_id = ? ORDER BY system, external_id`);
    this.#link = db.transaction((link: IdentityLink) => this.linkNow(link));
  }

  /** Returns the Ferry id; relinking to the same id is a no-op, to another id a conflict. */
  link(link: IdentityLink): string {
    return this.#link.immediate(link);
  }

  find(entity: string, system: string, externalId: string): string | undefined {
    return this.#find.get(entity, system, externalId);
  }

  of(entity: string, ferryId: string): { system: string; externalId: string }[] {
    return this.#of.all(entity, ferryId);
  }

  /** The link without its transaction, for callers that hold one. */
  linkNow(link: IdentityLink): string {
    const existing = this.#find.get(link.entity, link.system, link.externalId);
    if (existing !== undefined) {
      if (link.ferryId === undefined || link.ferryId === existing) return existing;
      throw storeErrors.create(
        'FERRY_STORE_IDENTITY_CONFLICT',
        `${link.entity} ${link.externalId} of ${link.system} is linked to Ferry id ${existing}, not ${link.ferryId} (${this.#file})`,
        { file: this.#file, details: { ...link, existing } },
      );
    }
    const ferryId = link.ferryId ?? randomUUID();
    this.#insert.run({ ...link, ferryId, createdAt: now() });
    return ferryId;
  }
}

import type { FaultSettings } from '../../sandbox/fault-types.ts';
import type { Sandbox } from '../../sandbox/types.ts';
import type { BatchSizes } from './query.ts';
import type { SeedCounts } from './seed.ts';
import type { SRecord } from './store.ts';

export type { SRecord as SalesforceRecord } from './store.ts';

export interface SalesforceSandboxOptions {
  /** The connected app's credentials the token endpoint accepts (defaults are test values). */
  clientId?: string;
  clientSecret?: string;
  /** A refresh token the refresh_token grant accepts. */
  refreshToken?: string;
  /** Whether the app has a client-credentials user; false makes that grant fail. Default true. */
  clientCredentials?: boolean;
  /** The org's session timeout: a token stops working this long after it was issued. Default 2 h. */
  sessionTimeoutMs?: number;
  /** The clock (epoch ms) of sessions and of the timestamps writes set. Default `Date.now`. */
  now?: () => number;
  /** How many records of each sObject to seed (defaults: 24 accounts, 30 contacts, 20 opportunities, 8 products). */
  seed?: SeedCounts;
  /** The org's API request limit (default 15,000) and the requests already used (default 0). */
  apiLimit?: number;
  apiUsed?: number;
  /**
   * Query batch sizes: Salesforce allows 200 to 2,000 (default 2,000). Tests may lower `min` and
   * `max` to page through a few records; Salesforce itself may return smaller batches than asked.
   */
  batchSize?: Partial<BatchSizes>;
  faults?: FaultSettings;
  /** Seed of the PRNG behind tokens and latency jitter. Default 1. */
  randomSeed?: number;
}

/** Test access to the org's data and limits, outside the API (no auth, no API usage). */
export interface SalesforceAdmin {
  /** Copies of the records of an sObject, in creation order. */
  list(sobject: string): SRecord[];
  get(sobject: string, id: string): SRecord | undefined;
  /** Records whose field equals the value, ignoring case (as external ids match). */
  findBy(sobject: string, field: string, value: string): SRecord[];
  /** Creates a record (field names in any case; read-only fields are refused). */
  create(sobject: string, values: Record<string, unknown>): SRecord;
  /** Changes a record and bumps LastModifiedDate and SystemModstamp. */
  update(sobject: string, id: string, values: Record<string, unknown>): SRecord;
  /** API requests used and allowed; `remaining: 0` makes the next call a 403 REQUEST_LIMIT_EXCEEDED. */
  apiUsage(): { used: number; limit: number };
  setApiLimit(settings: { limit?: number; remaining?: number }): void;
  /** Ends every session now (their tokens answer 401 INVALID_SESSION_ID). */
  expireSessions(): void;
  /** How many access tokens the token endpoint issued. */
  tokensIssued(): number;
}

export interface SalesforceSandbox extends Sandbox {
  admin: SalesforceAdmin;
  /** The credentials the token endpoint accepts. */
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
}

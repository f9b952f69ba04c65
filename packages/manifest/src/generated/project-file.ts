// Generated from schemas/project.schema.json by scripts/generate-types.ts. Do not edit: run `npm run generate -w @ferry/manifest`.

/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string;
/**
 * A duration: a number of milliseconds, or a string such as '500ms', '30s', '5m', '1h', '7d'.
 *
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = number | string;

/**
 * A Ferry project (ferry.yaml): connections to systems and the recipes that sync between them.
 */
export interface ProjectFile {
  $schema?: string;
  /**
   * The project file format version.
   */
  version: 1;
  name?: string;
  connections?: {
    [k: string]: Connection;
  };
  recipes?: {
    [k: string]: Recipe;
  };
}
/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Connection".
 */
export interface Connection {
  /**
   * The connector package and the version range this connection pins: name@range.
   */
  connector: string;
  /**
   * Settings for the connector. Secrets by reference only: ${env:NAME} or ${secret:name}.
   */
  config?: {};
  description?: string;
}
/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Recipe".
 */
export interface Recipe {
  description?: string;
  source: Endpoint;
  destination: Endpoint;
  /**
   * Destination field -> expression over the source record. Absent: fields are copied as they are.
   */
  mapping?: {
    [k: string]: string;
  };
  mode?: Mode;
  triggers?: Trigger[];
  policies?: Policies;
  enabled?: boolean;
  twoWay?: TwoWay;
  /**
   * Only source records for which this expression over `record` is true are delivered (e.g. "{{ record.dealstage = 'closedwon' }}"); the others are counted as skipped.
   */
  filter?: string;
}
/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Endpoint".
 */
export interface Endpoint {
  connection: Id;
  stream: string;
}
/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Mode".
 */
export interface Mode {
  read?: 'full' | 'incremental';
  write?: 'insert' | 'upsert' | 'mirror';
}
/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Trigger".
 */
export interface Trigger {
  /**
   * A cron expression (five or six fields).
   */
  cron?: string;
  interval?: Duration;
  webhook?: {
    /**
     * 'run' starts an incremental run; 'records' feeds the posted records.
     */
    action?: 'run' | 'records';
    /**
     * A reference (${env:NAME}) to the shared secret that signs deliveries.
     */
    secret?: string;
  };
  timezone?: string;
}
/**
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "Policies".
 */
export interface Policies {
  retries?: {
    max?: number;
    backoff?: Duration;
  };
  /**
   * How many records may be dead-lettered before the run fails.
   */
  errorTolerance?: {
    maxFailures?: number;
    maxFailureRatio?: number;
  };
  jitter?: Duration;
  missedRuns?: 'skip' | 'run-once';
  /**
   * Field -> the connection that is its system of record.
   */
  ownership?: {
    [k: string]: Id;
  };
  conflict?: 'source-wins' | 'destination-wins' | 'newest-wins' | 'owner-wins';
  timeout?: Duration;
}
/**
 * Makes the recipe a two-way sync between its source and destination: both streams map onto one canonical entity; an identity map links their records; policies.ownership names the system of record per field and policies.conflict settles shared fields.
 *
 * This interface was referenced by `ProjectFile`'s JSON-Schema
 * via the `definition` "TwoWay".
 */
export interface TwoWay {
  /**
   * The canonical entity both streams map onto (Customer, Contact, Product, SalesOrder, Invoice).
   */
  entity: string;
  /**
   * Dedupe rules, tried in order, that link records no identity links yet: normalised email, company domain (website or non-free-mail email), normalised name, product SKU.
   */
  match?: ('email' | 'domain' | 'name' | 'sku')[];
  /**
   * Connection -> the stream field that system upserts on when Ferry creates a record there (Odoo: ref). A new record gets its mapped value, else `ferry:<Ferry id>`, so a retried create finds the record instead of making a second one.
   */
  keys?: {
    [k: string]: string;
  };
  /**
   * Entities pushed per batch (default 200).
   */
  batchSize?: number;
  /**
   * The connections where Ferry may create records (default both). Products owned by the ERP: createIn: [crm], so a product made in the CRM is not created in the ERP.
   */
  createIn?: Id[];
  /**
   * Canonical field -> the entity it names (a SalesOrder's `customer` names a Customer). Each system's value (its own id, or an email/domain/name the match rules know) is translated through the identity map, so the other system gets its own id for the same entity.
   */
  references?: {
    [k: string]: string;
  };
  /**
   * Connection -> an expression over `record`: only that system's records for which it is true take part (e.g. closed-won deals).
   */
  filter?: {
    [k: string]: string;
  };
}

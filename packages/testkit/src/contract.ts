/**
 * The contract of @ferry/testkit (written first, so that the testkit, the templates and the
 * CLI can be built at the same time). Formats marked *contract* are files authors commit.
 */
import type { JsonObject } from '@ferry/sdk';

/** One recorded HTTP exchange (*contract*: cassettes are readable JSON, committed by authors). */
export interface Interaction {
  request: {
    method: string;
    /** Path and query relative to the connection's base URL origin, e.g. `/v1/items?page=2`. */
    url: string;
    /** Lower-case names; secret values and auth headers scrubbed to "***". */
    headers: Record<string, string>;
    /** The body as text (JSON bodies pretty-printed is not required), or absent. */
    body?: string;
  };
  response: {
    status: number;
    headers: Record<string, string>;
    /** The body as text; JSON bodies are stored parsed under `json` instead, for readability. */
    body?: string;
    json?: unknown;
  };
}

/** A cassette file (*contract*): `fixtures/cassettes/<stream>.json`. */
export interface Cassette {
  version: 1;
  /** The connector name and version that recorded it. */
  recordedWith: { connector: string; version: string };
  /** How requests are matched on replay; default ['method', 'path', 'query', 'body']. */
  match?: ('method' | 'path' | 'query' | 'body' | 'headers')[];
  interactions: Interaction[];
}

/**
 * Golden output (*contract*): `fixtures/golden/<stream>.json` holds what a read of that stream
 * produced from its cassette: `{ records: [...], state: {...} | null }`.
 */
export interface Golden {
  records: JsonObject[];
  state: JsonObject | null;
}

/**
 * The fixtures folder layout (*contract*):
 *   fixtures/config.json            the connection config used when recording, secrets scrubbed
 *   fixtures/cassettes/<stream>.json
 *   fixtures/golden/<stream>.json
 */
export interface FixturesLayout {
  config: string;
  cassettes: string;
  golden: string;
}

/** One conformance check's outcome. */
export interface CheckOutcome {
  /** e.g. 'manifest is valid', 'records match their schema', 'writes are idempotent'. */
  check: string;
  status: 'passed' | 'failed' | 'not applicable';
  /** For failures: what was wrong, naming the offending record or state; for 'not applicable': why. */
  message?: string;
  /** The stream a per-stream check looked at (absent for connector-wide checks). */
  stream?: string;
}

export interface ConformanceOptions {
  /** The connector package folder or manifest file. */
  connector: string;
  /** A working config (pointing at a sandbox or a replay server). */
  config: JsonObject;
  /** A config that must fail `check` (default: the working config with every secret replaced). */
  badConfig?: JsonObject;
  /** Streams to check (default: every readable stream). */
  streams?: string[];
  /** Volatile fields ignored when two reads are compared (e.g. ['fetched_at']). */
  volatile?: string[];
  /** Sample records for writable streams (stream -> records); writes are checked only with them. */
  writeSamples?: Record<string, JsonObject[]>;
  /**
   * Reads a destination stream back for the idempotency check (default: the connector's own
   * read of the same stream, when it has one).
   */
  readBack?: (stream: string) => Promise<JsonObject[]>;
  /**
   * The only hosts the connector may reach during the checks (`host:port`); replaces the
   * manifest's permissions. Replayed checks pass the replay server's host, so they stay offline.
   */
  allowHosts?: string[];
}

/**
 * The API of @ferry/testkit:
 *
 *   runConformance(options: ConformanceOptions): Promise<CheckOutcome[]>
 *       every check of DESIGN section 7, run programmatically (used by `ferry test`).
 *   describeConformance(options: ConformanceOptions | (() => Promise<ConformanceOptions>)): void
 *       the same checks as vitest tests, one `it` per check: one line in a connector's test file.
 *   record(options: { connector: string; config: JsonObject; streams?: string[]; fixtures: string }): Promise<void>
 *       reads against a live API, writes cassettes, golden output and the scrubbed config.
 *   replayServer(cassettes: Cassette[]): Promise<{ url: string; close(): Promise<void> }>
 *       a local server answering recorded requests; unknown requests answer 599 with a clear body.
 *   describeRegression(options: { connector: string; fixtures: string; volatile?: string[] }): void
 *       vitest tests that replay the cassettes offline (only the replay server is reachable)
 *       and compare records and state with the golden files, with a readable diff.
 *   diffVersions(options: { a: string; b: string; fixtures: string; volatile?: string[] }): Promise<VersionDiff>
 *       both connector versions replayed on the same cassettes: record counts, primary keys
 *       present, schema changes, records equal up to volatile fields, state.
 */
export interface VersionDiff {
  streams: {
    stream: string;
    counts: { a: number; b: number };
    /** Primary keys the other version produced that this one did not (records lost by a change). */
    missingKeys: { a: number; b: number };
    schemaChanges: string[];
    changedRecords: { key: string; diff: string }[];
    stateEqual: boolean;
    /** A replay that failed (for example a request the cassette has no answer for), per version. */
    errors?: { a?: string; b?: string };
  }[];
  equal: boolean;
}

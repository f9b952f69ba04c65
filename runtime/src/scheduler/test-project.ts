// Test support for the scheduler and the daemon: a real Runner over a real SqliteStore file, a
// local paginated customers API (optionally slowed down per page) and the sqlite connector as
// destination. Nothing here is mocked.
import { join } from 'node:path';
import { openConnector } from '@ferry/declarative';
import { startServer, type TestServer } from '@ferry/declarative/testing';
import type { ProjectFile, Recipe } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import Database from 'better-sqlite3';
import type { RunPool } from '../pipeline/pool.ts';
import {
  customersConnector,
  hostileConnector,
  SQLITE_CONNECTOR,
  tempDir,
} from '../pipeline/test-fixtures.ts';
import { type RunEvent, Runner } from '../runner/runner.ts';
import { SqliteStore } from '../store/sqlite-store.ts';

export { customers } from '../pipeline/test-fixtures.ts';

export interface TestProject {
  project: ProjectFile;
  projectFile: string;
  runner: Runner;
  store: SqliteStore;
  api: TestServer;
  /** The source rows the API serves (mutable: push to add records). */
  rows: JsonObject[];
  /** The destination SQLite file (table `people`, key `id`). */
  destination: string;
  /** The rows in the destination table, by id. */
  written(): JsonObject[];
  close(): Promise<void>;
}

export interface TestProjectOptions {
  recipes: Record<string, Partial<Recipe>>;
  rows?: JsonObject[];
  /** Delay of each page the API serves (200 records a page). */
  pageDelayMs?: number;
  pool?: RunPool;
  onEvent?: (event: RunEvent) => void;
  /** Extra connections (e.g. with secrets in their config). */
  env?: Record<string, string>;
}

/**
 * Recipes default to `api.customers -> warehouse.rows` (key `id`). Connection `hostile` reads
 * from a connector that loops forever. Config values `${env:NAME}` are resolved from `env`.
 */
export async function testProject(options: TestProjectOptions): Promise<TestProject> {
  const dir = await tempDir('project-');
  const rows = options.rows ?? [];
  const api = await startServer(({ query }) => {
    const since = Number(query.get('since') ?? 0);
    return {
      json: { data: rows.filter((r) => (r.seq as number) >= since).slice(0, 200) },
      ...(options.pageDelayMs ? { delayMs: options.pageDelayMs } : {}),
    };
  });
  const destination = join(dir, 'out.db');
  const connectors: Record<string, string> = {
    '@test/customers': await customersConnector(),
    '@test/hostile': await hostileConnector('spin'),
    '@ferry/connector-sqlite': SQLITE_CONNECTOR,
  };
  const recipes: Record<string, Recipe> = {};
  for (const [id, recipe] of Object.entries(options.recipes)) {
    recipes[id] = {
      source: { connection: 'api', stream: 'customers' },
      destination: { connection: 'warehouse', stream: 'rows' },
      ...recipe,
    };
  }
  const project: ProjectFile = {
    version: 1,
    connections: {
      api: { connector: '@test/customers', config: { baseUrl: api.url } },
      warehouse: {
        connector: '@ferry/connector-sqlite',
        config: { path: destination, table: 'people', key: 'id' },
      },
      hostile: { connector: '@test/hostile', config: {} },
    },
    recipes,
  };
  const projectFile = join(dir, 'ferry.yaml');
  const store = SqliteStore.open(join(dir, '.ferry', 'store.db'));
  const env = options.env ?? {};
  const runner = new Runner({
    project,
    projectFile,
    store,
    resolveConnector: (spec) => openConnector(connectors[spec] ?? spec),
    resolveConfig: async (_connection, config) =>
      JSON.parse(
        JSON.stringify(config).replace(
          /\$\{env:([A-Z0-9_]+)\}/g,
          (_, name: string) => env[name] ?? '',
        ),
      ) as JsonObject,
    ...(options.pool ? { pool: options.pool } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return {
    project,
    projectFile,
    runner,
    store,
    api,
    rows,
    destination,
    written() {
      const db = new Database(destination, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT * FROM people ORDER BY id').all() as JsonObject[];
      } finally {
        db.close();
      }
    },
    async close() {
      await runner.drain();
      await store.close();
      await api.close();
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value other than undefined/false (no upper time bound but the test's). */
export async function until<T>(
  check: () => T | Promise<T>,
  everyMs = 25,
): Promise<Exclude<T, false | undefined>> {
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    await sleep(everyMs);
  }
}

// A real PostgreSQL (startPostgres from @ferry/testkit: local binaries or a container), a fresh
// schema per test, and helpers to run SQL and the connector against it. No vitest here, so the
// fixture-recording script can use it too.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connector, openConnector } from '@ferry/declarative';
import { collect } from '@ferry/declarative/testing';
import type { JsonObject, Message, WriteResult } from '@ferry/sdk';
import { type PostgresService, startPostgres } from '@ferry/testkit';
import pg from 'pg';
import type { Config } from '../src/config.ts';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface TestDatabase {
  service: PostgresService;
  connector: Connector;
  /** Runs SQL as the superuser; returns the rows. */
  sql(text: string, values?: unknown[]): Promise<JsonObject[]>;
  /** A new connection of the caller's own, as the superuser; the caller ends it. */
  connect(): Promise<pg.Client>;
  /** A new empty schema (named after `name`, or numbered) and a config pointing at it. */
  freshConfig(extra?: Config, name?: string): Promise<Config & JsonObject>;
  write(config: Config, batches: JsonObject[][]): Promise<WriteResult[]>;
  read(config: Config, state?: JsonObject): Promise<Message[]>;
  /** Stops PostgreSQL. */
  close(): Promise<void>;
}

let schemas = 0;

export async function openDatabase(): Promise<TestDatabase> {
  const service = await startPostgres();
  const client = new pg.Client({ connectionString: service.url });
  await client.connect();
  const connector = await openConnector(packageDir);
  const sql = async (text: string, values: unknown[] = []) =>
    (await client.query(text, values)).rows as JsonObject[];
  return {
    service,
    connector,
    sql,
    async connect() {
      const own = new pg.Client({ connectionString: service.url });
      await own.connect();
      return own;
    },
    async freshConfig(extra = {}, name = `test_${process.pid}_${++schemas}`) {
      await sql(`CREATE SCHEMA ${name}`);
      const { host, port, database, user, password } = service;
      return { host, port, database, user, password, schema: name, table: 'items', ...extra };
    },
    async write(config, batches) {
      const results: WriteResult[] = [];
      for await (const batch of connector.write(config, 'rows', batches)) results.push(...batch);
      return results;
    },
    read: (config, state) =>
      collect(
        connector.read(config, { streams: ['rows'], ...(state ? { state: { rows: state } } : {}) }),
      ),
    async close() {
      await client.end();
      await service.stop();
    },
  };
}

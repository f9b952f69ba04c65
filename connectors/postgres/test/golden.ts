// The golden-file scenario, shared by the regression test and the script that re-records it:
// fixed seed data loaded into a fresh schema, read in full and then from the state after fixed
// changes; fixed records written into an empty table and read back with its column types.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { records, states } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';
import type { Golden } from '@ferry/testkit';
import { packageDir, type TestDatabase } from './database.ts';

export const fixtures = join(packageDir, 'fixtures');

const text = (name: string) => readFile(join(fixtures, name), 'utf8');
const json = async <T>(name: string) => JSON.parse(await text(name)) as T;

/** What the golden files hold, by file name under fixtures/golden/. */
export async function produceGolden(db: TestDatabase): Promise<Record<string, unknown>> {
  const config = await db.freshConfig(await json('config.json'), 'golden');
  await db.sql(`SET search_path = golden; ${await text('seed.sql')}`);
  const full = await db.read(config);
  const state = states(full).at(-1) ?? null;
  await db.sql(`SET search_path = golden; ${await text('changes.sql')}`);
  const next = await db.read(config, state ?? undefined);
  const writeConfig = await db.freshConfig({ table: 'written', key: 'id' }, 'golden_write');
  const input = await json<JsonObject[]>('write-input.json');
  const results = await db.write(writeConfig, [input]);
  const columns = await db.sql(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'golden_write' AND table_name = 'written' ORDER BY ordinal_position`,
  );
  await db.sql('RESET search_path');
  return {
    'rows.json': { records: records(full), state } satisfies Golden,
    'rows-from-state.json': {
      records: records(next),
      state: states(next).at(-1) ?? null,
    } satisfies Golden,
    'written.json': {
      results,
      columns: Object.fromEntries(columns.map((c) => [c.column_name, c.data_type])),
      ...({ records: records(await db.read(writeConfig)), state: null } satisfies Golden),
    },
  };
}

// The conformance suite (every check a Ferry connector must pass), run against a real
// PostgreSQL: a seeded table with ties on its cursor column, read in pages of two; the write
// check upserts the samples twice into the same table and reads them back with plain SQL.
import type { JsonObject } from '@ferry/sdk';
import { describeConformance } from '@ferry/testkit';
import type { Config } from '../src/config.ts';
import { packageDir, usePostgres } from './postgres.ts';

const db = usePostgres();

describeConformance(async () => {
  const config = await db.freshConfig({ cursorColumn: 'updated_at', pageSize: 2 } satisfies Config);
  const table = `${config.schema}.items`;
  await db.sql(
    `CREATE TABLE ${table} (id int PRIMARY KEY, email text, plan text, updated_at timestamptz NOT NULL)`,
  );
  await db.sql(`INSERT INTO ${table} VALUES
    (1, 'ada@example.com', 'pro', '2026-01-05 09:00:00+00'),
    (2, 'grace@example.com', NULL, '2026-01-07 14:30:00+00'),
    (3, 'alan@example.com', 'free', '2026-01-09 08:15:00+00'),
    (4, 'katherine@example.com', 'pro', '2026-01-09 08:15:00+00'),
    (5, 'edsger@example.com', 'free', '2026-01-12 17:45:00.5+00')`);
  return {
    connector: packageDir,
    config,
    writeSamples: {
      rows: [
        { id: 10, email: 'new@example.com', plan: 'pro', updated_at: '2026-02-01T00:00:00Z' },
        {
          id: 11,
          email: 'tab\tand\nnewline@example.com',
          plan: null,
          updated_at: '2026-02-01T00:00:00Z',
        },
        { id: 1, email: 'ada@lovelace.example', plan: 'pro', updated_at: '2026-02-02T00:00:00Z' },
      ],
    },
    readBack: async () => {
      const rows = await db.sql(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY id`);
      return rows.map((r) => r.row as JsonObject);
    },
  };
});

// Golden-file regression test. This connector speaks the PostgreSQL protocol, not HTTP, so
// record/replay cassettes do not apply: instead, fixed seed data (fixtures/*.sql, *.json) is
// loaded into a real PostgreSQL, read and written, and the output is compared with
// fixtures/golden/*.json. Re-record after an intended change of the output:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, produceGolden } from './golden.ts';
import { usePostgres } from './postgres.ts';

const db = usePostgres();

describe('golden files', () => {
  it('match what the connector reads and writes on the fixed data', async () => {
    const produced = await produceGolden(db);
    for (const [name, actual] of Object.entries(produced)) {
      const golden = JSON.parse(await readFile(join(fixtures, 'golden', name), 'utf8'));
      // vitest prints a field-by-field diff; the message says which file and how to update it
      expect(
        JSON.parse(JSON.stringify(actual)),
        `fixtures/golden/${name} differs from this run (re-record it with test/record-fixtures.ts if the change is intended)`,
      ).toEqual(golden);
    }
  });
});

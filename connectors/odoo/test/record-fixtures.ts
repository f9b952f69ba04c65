// Records fixtures/ (cassettes, golden output, scrubbed config) from the Odoo sandbox's seeded
// data, for test/regression.test.ts. Run again after an intended change of requests or output:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
import { fileURLToPath } from 'node:url';
import { record, startOdooSandbox } from '@ferry/testkit';
import { configFor, packageDir } from './odoo.ts';

const odoo = await startOdooSandbox();
try {
  const result = await record({
    connector: packageDir,
    config: configFor(odoo),
    fixtures: fileURLToPath(new URL('../fixtures', import.meta.url)),
  });
  for (const { stream, interactions, records } of result.streams)
    console.log(`${stream}: ${records} records, ${interactions} interactions`);
} finally {
  await odoo.close();
}

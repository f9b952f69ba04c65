// Re-records fixtures/ (cassettes, golden output, scrubbed config) from the Salesforce sandbox:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
// The sandbox's data, ids, clock and tokens are seeded, so a new recording differs from the
// committed one only where the connector's requests or output changed (and in Date headers).
import { fileURLToPath } from 'node:url';
import { record, startSalesforceSandbox } from '@ferry/testkit';
import type { Config } from '../src/config.ts';

const sandbox = await startSalesforceSandbox({
  seed: { accounts: 12, contacts: 9, opportunities: 6, products: 0 },
  batchSize: { min: 5, max: 5 },
  now: () => Date.UTC(2025, 0, 15, 9),
});
try {
  const config: Config = {
    instanceUrl: sandbox.url,
    loginUrl: sandbox.url,
    clientId: sandbox.credentials.clientId,
    clientSecret: sandbox.credentials.clientSecret,
  };
  const result = await record({
    connector: fileURLToPath(new URL('..', import.meta.url)),
    config: { ...config },
    fixtures: fileURLToPath(new URL('../fixtures', import.meta.url)),
  });
  for (const stream of result.streams)
    console.log(`${stream.stream}: ${stream.records} records, ${stream.interactions} requests`);
} finally {
  await sandbox.close();
}

// Re-records fixtures/ (cassettes, golden output, scrubbed config) from the HubSpot sandbox:
//   npx tsx --conditions=@ferry/source test/record-fixtures.ts
// The sandbox is seeded and its clock fixed, so a re-recording changes the fixtures only when
// the connector's requests or output change.
import { fileURLToPath } from 'node:url';
import { record, startHubspotSandbox } from '@ferry/testkit';

const sandbox = await startHubspotSandbox({
  seed: 1,
  counts: { contacts: 12, companies: 6, deals: 8, products: 6 },
  now: () => new Date('2025-01-01T00:00:00.000Z'),
  limits: false,
});
try {
  const result = await record({
    connector: fileURLToPath(new URL('..', import.meta.url)),
    config: { token: sandbox.token, baseUrl: sandbox.url, startDate: '2024-03-01T00:00:00Z' },
    fixtures: fileURLToPath(new URL('../fixtures', import.meta.url)),
  });
  for (const stream of result.streams)
    console.log(`${stream.stream}: ${stream.records} records, ${stream.interactions} interactions`);
} finally {
  await sandbox.close();
}

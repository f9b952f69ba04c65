// Re-records fixtures/ (cassettes, golden records and state, config) from a fresh Dataverse
// sandbox: `npx tsx --conditions=@ferry/source test/record-fixtures.ts`. The sandbox's data, ids
// and clock are seeded, so a re-recording changes nothing unless the connector or sandbox did.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { record, startDataverseSandbox } from '@ferry/testkit';
import { configFor, packageDir, RECORDING_SECRET, secretForms } from './support.ts';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
const dv = await startDataverseSandbox({
  accounts: 8,
  contacts: 6,
  clientSecret: RECORDING_SECRET,
  clock: () => new Date('2025-01-15T10:00:00Z'),
});
try {
  const result = await record({
    connector: packageDir,
    config: configFor(dv, { pageSize: 3 }),
    fixtures,
  });
  for (const { stream, interactions, records } of result.streams)
    console.log(`${stream}: ${records} records, ${interactions} requests`);
} finally {
  await dv.close();
}

// The token request's scope is the environment URL, form-encoded; the replay server replaces
// only the plain form of its origin in request bodies, so the body of the token request could
// never match. Requests are matched without their bodies (reads send none; the secret in the
// token request is checked by the credential rules either way).
const cassettes = join(fixtures, 'cassettes');
for (const name of await readdir(cassettes)) {
  const file = join(cassettes, name);
  const cassette = JSON.parse(await readFile(file, 'utf8'));
  cassette.match = ['method', 'path', 'query'];
  await writeFile(file, `${JSON.stringify(cassette, null, 2)}\n`);
}

// Secrets never in fixtures: fail loudly if the scrubber missed a form of one.
for (const dir of [cassettes, join(fixtures, 'golden'), fixtures]) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const text = await readFile(join(dir, entry.name), 'utf8');
    const leak = secretForms(RECORDING_SECRET).find((form) => text.includes(form));
    if (leak) throw new Error(`${join(dir, entry.name)} holds the client secret (${leak})`);
  }
}

// The conformance suite (every check a Ferry connector must pass), run against a local Dataverse
// sandbox from @ferry/testkit. `ferry test` runs the same checks.
import { describeConformance, startDataverseSandbox } from '@ferry/testkit';
import { afterAll } from 'vitest';
import { configFor, packageDir } from './support.ts';

const dv = await startDataverseSandbox();
afterAll(() => dv.close());

describeConformance({
  connector: packageDir,
  config: configFor(dv),
  writeSamples: {
    accounts: [
      {
        accountid: '0f8fad5b-d9cb-469f-a165-70867728950e',
        accountnumber: 'CONF-001',
        name: 'Conformance Ågency',
        telephone1: '+49 30 1234567',
        address1_city: 'Berlin',
      },
      {
        accountid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        accountnumber: "CONF-O'2",
        name: "O'Hara Ltd",
        revenue: 1250.75,
        emailaddress1: null,
      },
    ],
  },
});

// The conformance suite (every check a Ferry connector must pass) against the Salesforce sandbox
// of @ferry/testkit; `ferry test` runs the same checks. Writes are read back through the
// sandbox's admin API, keyed like the accounts_upsert stream by External_Id__c.
import { describeConformance } from '@ferry/testkit';
import { packageDir, startOrg } from './support.ts';

describeConformance(async () => {
  const { sandbox, config } = await startOrg();
  return {
    connector: packageDir,
    config: { ...config },
    writeSamples: {
      accounts_upsert: [
        { External_Id__c: 'CONF-1', Name: 'Conformance Ltd', Industry: 'Technology' },
        { External_Id__c: 'CONF-2', Name: 'Çonformité SARL', AnnualRevenue: 12.5, Phone: null },
        { External_Id__c: 'ACC-1000', Name: 'Acme Corporation', NumberOfEmployees: 13 },
      ],
    },
    readBack: async () =>
      sandbox.admin
        .list('Account')
        .filter((a) => a.External_Id__c !== null)
        .map((a) => ({ External_Id__c: a.External_Id__c, Name: a.Name })),
  };
});

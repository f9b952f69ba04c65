import { describe, expect, it } from 'vitest';
import { startSalesforceSandbox } from './sandbox.ts';
import { connect } from './test-client.ts';

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

describe('SOQL queries against the Salesforce sandbox', () => {
  it('pages with a relative nextRecordsUrl in the batch size asked for, within the allowed range', async () => {
    const sandbox = await startSalesforceSandbox({ batchSize: { min: 3, max: 10 } });
    const client = await connect(sandbox);
    const soql = 'SELECT Id, Name, SystemModstamp FROM Account ORDER BY SystemModstamp ASC, Id ASC';
    const first = await client.query(soql, { 'sforce-query-options': 'batchSize=7' });
    const page = first.body as QueryPage;
    expect(page).toMatchObject({ totalSize: 24, done: false });
    expect(page.records).toHaveLength(7);
    expect(page.nextRecordsUrl).toMatch(/^\/services\/data\/v60\.0\/query\/01g\w{15}-7$/);
    const ids = page.records.map((r) => r.Id);
    let next = page.nextRecordsUrl;
    while (next) {
      const more = (await client.get(next)).body as QueryPage;
      expect(more.totalSize).toBe(24);
      ids.push(...more.records.map((r) => r.Id));
      next = more.nextRecordsUrl;
      if (!more.done) expect(more.records).toHaveLength(7);
    }
    const sorted = sandbox.admin
      .list('Account')
      .sort(
        (a, b) =>
          String(a.SystemModstamp).localeCompare(String(b.SystemModstamp)) ||
          String(a.Id).localeCompare(String(b.Id)),
      );
    expect(ids).toEqual(sorted.map((r) => r.Id));
    // asked below the minimum: the minimum; no header: the default (here capped at the maximum)
    expect(
      ((await client.query(soql, { 'sforce-query-options': 'batchSize=1' })).body as QueryPage)
        .records,
    ).toHaveLength(3);
    expect(((await client.query(soql)).body as QueryPage).records).toHaveLength(10);
  });

  it('returns records with attributes, canonical field names, Salesforce datetimes and nulls', async () => {
    const sandbox = await startSalesforceSandbox();
    const client = await connect(sandbox);
    const answer = await client.query(
      "select name, external_id__c, phone, systemmodstamp from ACCOUNT where Name = 'müller & söhne gmbh'",
    );
    expect(answer.status).toBe(200);
    const [record] = (answer.body as QueryPage).records;
    const id = sandbox.admin.findBy('Account', 'Name', 'Müller & Söhne GmbH')[0]?.Id;
    expect(record).toEqual({
      attributes: { type: 'Account', url: `/services/data/v60.0/sobjects/Account/${id}` },
      Name: 'Müller & Söhne GmbH',
      External_Id__c: null,
      Phone: '+1 415 555 0106',
      SystemModstamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
    });
    expect(
      ((await client.query('SELECT Id FROM Account WHERE External_Id__c = null')).body as QueryPage)
        .totalSize,
    ).toBe(3);
  });

  it('keeps a query snapshot while paging, as a query cursor does', async () => {
    const sandbox = await startSalesforceSandbox({ batchSize: { min: 5, max: 5 } });
    const client = await connect(sandbox);
    const first = (await client.query('SELECT Id, Name FROM Account ORDER BY Name'))
      .body as QueryPage;
    const last = sandbox.admin.list('Account').at(-1);
    sandbox.admin.update('Account', last?.Id as string, { Name: 'changed after the query' });
    let next = first.nextRecordsUrl;
    const names = first.records.map((r) => r.Name);
    while (next) {
      const page = (await client.get(next)).body as QueryPage;
      names.push(...page.records.map((r) => r.Name));
      next = page.nextRecordsUrl;
    }
    expect(names).not.toContain('changed after the query');
    expect(names).toHaveLength(24);
    const gone = await client.get(first.nextRecordsUrl as string);
    expect(gone.status).toBe(400);
    expect(gone.body).toEqual([
      { message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' },
    ]);
  });

  it('answers errors as arrays: malformed queries, a missing q, unknown API versions', async () => {
    const sandbox = await startSalesforceSandbox();
    const client = await connect(sandbox);
    const bad = await client.query('SELECT Id FROM Account WHERE SystemModstamp > 2024-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      {
        message:
          "value of filter criterion for field 'SystemModstamp' must be of type dateTime and should not be enclosed in quotes",
        errorCode: 'INVALID_FIELD',
      },
    ]);
    const none = await client.get('/services/data/v60.0/query');
    expect(none.body).toEqual([
      { message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' },
    ]);
    const old = await client.get('/services/data/v19.0/query?q=SELECT+Id+FROM+Account');
    expect(old.status).toBe(404);
    expect(old.body).toEqual([
      { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
    ]);
  });
});

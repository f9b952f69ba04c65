import { describe, expect, it } from 'vitest';
import { startSalesforceSandbox } from './sandbox.ts';
import { connect, typed } from './test-client.ts';

describe('sObject Collections upsert in the Salesforce sandbox', () => {
  it('creates and updates by external id (ignoring case), in input order, and stamps the writes', async () => {
    let now = Date.UTC(2025, 2, 1, 8);
    const sandbox = await startSalesforceSandbox({ now: () => now });
    const client = await connect(sandbox);
    const before = sandbox.admin.findBy('Account', 'External_Id__c', 'ACC-1000')[0];
    now += 5_000;
    const answer = await client.upsert('Account', 'External_Id__c', {
      allOrNone: false,
      records: typed('Account', [
        { External_Id__c: 'NEW-1', Name: 'Nouvelle Société', AnnualRevenue: '1200.5' },
        { external_id__c: 'acc-1000', Phone: null },
      ]),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('sforce-limit-info')).toBe('api-usage=1/15000');
    const created = sandbox.admin.findBy('Account', 'External_Id__c', 'NEW-1')[0];
    expect(answer.body).toEqual([
      { id: created?.Id, success: true, errors: [], created: true },
      { id: before?.Id, success: true, errors: [], created: false },
    ]);
    expect(created).toMatchObject({
      Name: 'Nouvelle Société',
      AnnualRevenue: 1200.5,
      Industry: null,
      CreatedDate: '2025-03-01T08:00:05.000+0000',
      SystemModstamp: '2025-03-01T08:00:05.000+0000',
    });
    const after = sandbox.admin.get('Account', before?.Id as string);
    expect(after).toMatchObject({ Name: before?.Name, Phone: null, External_Id__c: 'acc-1000' });
    expect(after?.CreatedDate).toBe(before?.CreatedDate);
    expect(after?.LastModifiedDate).toBe('2025-03-01T08:00:05.000+0000');
  });

  it('reports each failing record with statusCode, message and fields, and saves the others', async () => {
    const sandbox = await startSalesforceSandbox({
      faults: {
        rejects: (r) =>
          (r as { Name?: string }).Name === 'Blocked'
            ? 'Accounts named Blocked are not allowed'
            : undefined,
      },
    });
    sandbox.admin.create('Account', { Name: 'Twin A', External_Id__c: 'TWIN' });
    sandbox.admin.create('Account', { Name: 'Twin B', External_Id__c: 'twin' });
    const client = await connect(sandbox);
    const records = typed('Account', [
      { External_Id__c: 'OK-1', Name: 'Fine' },
      { External_Id__c: 'NEW-2' },
      { External_Id__c: 'ACC-1001', Name: '' },
      { External_Id__c: 'NEW-3', Name: 'x', Revenue__c: 5 },
      { External_Id__c: 'NEW-4', Name: 'x', SystemModstamp: '2024-01-01T00:00:00Z' },
      { External_Id__c: 'NEW-5', Name: 'x'.repeat(256) },
      { External_Id__c: 'NEW-6', Name: 'x', AnnualRevenue: -1 },
      { Name: 'no key' },
      { External_Id__c: 'twin', Name: 'ambiguous' },
      { External_Id__c: 'NEW-7', Name: 'Blocked' },
    ]);
    records.push({ attributes: { type: 'Contact' }, External_Id__c: 'NEW-8', Name: 'x' } as never);
    const answer = await client.upsert('Account', 'External_Id__c', { records });
    const results = answer.body as {
      success: boolean;
      id: string | null;
      errors: { statusCode: string; message: string; fields: string[] }[];
    }[];
    expect(results.map((r) => r.success)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(
      results
        .slice(1)
        .map((r) => [r.id, r.errors[0]?.statusCode, r.errors[0]?.message, r.errors[0]?.fields]),
    ).toEqual([
      [null, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [Name]', ['Name']],
      [null, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [Name]', ['Name']],
      [null, 'INVALID_FIELD', "No such column 'Revenue__c' on sobject of type Account", []],
      [
        null,
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        'Unable to create/update fields: SystemModstamp. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
        ['SystemModstamp'],
      ],
      [
        null,
        'STRING_TOO_LONG',
        `Account Name: data value too large: ${'x'.repeat(80)} (max length=255)`,
        ['Name'],
      ],
      [null, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Annual Revenue cannot be negative', []],
      [null, 'MISSING_ARGUMENT', 'External_Id__c not specified', []],
      [
        null,
        'DUPLICATE_EXTERNAL_ID',
        expect.stringContaining('External_Id__c duplicates value on records with ids: 001'),
        [],
      ],
      [null, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Accounts named Blocked are not allowed', []],
      [null, 'INVALID_TYPE', 'Record type Contact does not match the URI type Account', []],
    ]);
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'OK-1')).toHaveLength(1);
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'ACC-1001')[0]?.Name).not.toBe('');
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'NEW-7')).toEqual([]);
    expect(sandbox.stats.rejected).toBe(1);
  });

  it('rolls every record back under allOrNone when one fails', async () => {
    const sandbox = await startSalesforceSandbox();
    const client = await connect(sandbox);
    const answer = await client.upsert('Account', 'External_Id__c', {
      allOrNone: true,
      records: typed('Account', [{ External_Id__c: 'R-1', Name: 'ok' }, { External_Id__c: 'R-2' }]),
    });
    expect(answer.body).toEqual([
      {
        id: null,
        success: false,
        created: false,
        errors: [
          {
            statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
            message:
              'Record rolled back because not all records were valid and the request was using AllOrNone header',
            fields: [],
          },
        ],
      },
      expect.objectContaining({
        success: false,
        errors: [expect.objectContaining({ statusCode: 'REQUIRED_FIELD_MISSING' })],
      }),
    ]);
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'R-1')).toEqual([]);
  });

  it('refuses whole requests: over 200 records, wrong value types, unknown or non-external-id fields', async () => {
    const sandbox = await startSalesforceSandbox();
    const client = await connect(sandbox);
    const many = typed(
      'Account',
      Array.from({ length: 201 }, (_, i) => ({ External_Id__c: `M-${i}`, Name: 'm' })),
    );
    const tooMany = await client.upsert('Account', 'External_Id__c', { records: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual([
      {
        message: 'record limit reached. cannot submit more than 200 records into this call',
        errorCode: 'EXCEEDED_ID_LIMIT',
      },
    ]);
    const wrongType = await client.upsert('Account', 'External_Id__c', {
      records: typed('Account', [{ External_Id__c: 'T-1', Name: 't', NumberOfEmployees: 'many' }]),
    });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { errorCode: string }[])[0]?.errorCode).toBe('JSON_PARSER_ERROR');
    const unknown = await client.upsert('Account', 'Nope__c', { records: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([
      {
        message: 'Provided external ID field does not exist or is not accessible: Nope__c',
        errorCode: 'NOT_FOUND',
      },
    ]);
    expect((await client.upsert('Account', 'Name', { records: [] })).status).toBe(400);
    expect((await client.upsert('Account', 'External_Id__c', [])).status).toBe(400);
    expect(sandbox.admin.findBy('Account', 'External_Id__c', 'M-0')).toEqual([]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from './test-files.ts';
import { validateProjectFile } from './validate-project.ts';

const PROJECT = `version: 1
connections:
  crm:
    connector: "@ferry/connector-hubspot@^1"
    config:
      accessToken: \${env:HUBSPOT_TOKEN}
  erp:
    connector: "@ferry/connector-odoo@~1.2"
    config:
      url: https://erp.example.com
      password: \${secret:odoo-password}
recipes:
  customers-to-erp:
    source: { connection: crm, stream: contacts }
    destination: { connection: erp, stream: partners }
    mapping:
      name: firstname & ' ' & lastname
      email: email
    mode: { read: incremental, write: upsert }
    triggers:
      - cron: "*/5 * * * *"
    policies:
      errorTolerance: { maxFailures: 10 }
`;

async function validate(text: string) {
  const dir = await writeTree({ 'ferry.yaml': text });
  return validateProjectFile(join(dir, 'ferry.yaml'));
}

describe('validateProjectFile', () => {
  it('accepts a project whose secrets are references', async () => {
    const result = await validate(PROJECT);
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.value?.recipes ?? {})).toEqual(['customers-to-erp']);
  });

  it('refuses plain-text secrets and malformed references, without echoing the secret', async () => {
    const result = await validate(
      PROJECT.replace('${env:HUBSPOT_TOKEN}', 'pat-na1-0123456789').replace(
        '${secret:odoo-password}',
        '${vault:odoo}',
      ),
    );
    expect(result.issues.map((i) => `${i.code} ${i.path} ${i.line}`)).toEqual([
      'FERRY_PROJECT_INLINE_SECRET $.connections.crm.config.accessToken 6',
      'FERRY_PROJECT_BAD_REFERENCE $.connections.erp.config.password 11',
    ]);
    expect(JSON.stringify(result.issues)).not.toContain('pat-na1-0123456789');
    expect(result.issues[0]?.hint).toContain('${env:ACCESS_TOKEN}');
  });

  it('reports recipes that name unknown connections, and schema problems', async () => {
    const result = await validate(
      PROJECT.replace('connection: erp, stream', 'connection: erpp, stream').replace(
        'write: upsert',
        'write: upsrt',
      ),
    );
    expect(result.issues).toMatchObject([
      {
        code: 'FERRY_SCHEMA_BAD_VALUE',
        path: '$.recipes["customers-to-erp"].mode.write',
        hint: "did you mean 'upsert'?",
      },
      {
        code: 'FERRY_PROJECT_UNKNOWN_CONNECTION',
        path: '$.recipes["customers-to-erp"].destination.connection',
        line: 15,
        hint: 'use one of: crm, erp',
      },
    ]);
  });

  it('rejects connection ids that are not valid names', async () => {
    const result = await validate(PROJECT.replace('  crm:\n', '  My CRM:\n'));
    expect(result.issues[0]).toMatchObject({
      code: 'FERRY_SCHEMA_UNKNOWN_KEY',
      path: '$.connections["My CRM"]',
      line: 3,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { resolveConnectionConfig } from './references.ts';

const secrets = (values: Record<string, string>) => ({
  asked: [] as string[],
  async get(name: string) {
    this.asked.push(name);
    return values[name];
  },
});

describe('resolveConnectionConfig', () => {
  it('replaces env and secret references in every string, keeping other values as they are', async () => {
    const store = secrets({ 'crm-key': 's3cr3t' });
    const resolved = await resolveConnectionConfig(
      {
        apiKey: '${secret:crm-key}',
        header: 'Bearer ${env:TOKEN} (${secret:crm-key})',
        nested: { list: ['${env:REGION}', 'plain', 3], on: true, none: null },
        pageSize: 50,
      },
      { env: { TOKEN: 'tok', REGION: 'eu' }, secrets: store },
    );
    expect(resolved).toEqual({
      apiKey: 's3cr3t',
      header: 'Bearer tok (s3cr3t)',
      nested: { list: ['eu', 'plain', 3], on: true, none: null },
      pageSize: 50,
    });
    expect(store.asked).toEqual(['crm-key']);
  });

  it('names the connection, the file and the JSON path of a variable that is not set', async () => {
    await expect(
      resolveConnectionConfig(
        { auth: { token: '${env:CRM_TOKEN}' } },
        { env: {}, connection: 'crm', file: '/p/ferry.yaml' },
      ),
    ).rejects.toMatchObject({
      code: 'FERRY_PROJECT_ENV_MISSING',
      file: '/p/ferry.yaml',
      path: '$.connections.crm.config.auth.token',
      message:
        "connection 'crm' references ${env:CRM_TOKEN} at $.connections.crm.config.auth.token in /p/ferry.yaml, but CRM_TOKEN is not set",
      hint: expect.stringContaining('export CRM_TOKEN='),
    });
  });

  it('reports a secret the store does not have, and a malformed reference', async () => {
    await expect(
      resolveConnectionConfig(
        { keys: ['${secret:gone}'] },
        { secrets: secrets({}), connection: 'x' },
      ),
    ).rejects.toMatchObject({
      code: 'FERRY_SECRET_NOT_FOUND',
      path: '$.connections.x.config.keys[0]',
      hint: 'Store it: ferry secret set gone (the value is read from stdin).',
    });
    await expect(resolveConnectionConfig({ a: '${vault:x}' }, { env: {} })).rejects.toMatchObject({
      code: 'FERRY_PROJECT_BAD_REFERENCE',
      path: '$.a',
    });
  });

  it('uses process.env by default', async () => {
    process.env.FERRY_TEST_REFERENCE = 'from-env';
    expect(await resolveConnectionConfig({ v: '${env:FERRY_TEST_REFERENCE}' })).toEqual({
      v: 'from-env',
    });
    delete process.env.FERRY_TEST_REFERENCE;
  });
});

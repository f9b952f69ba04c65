import { describe, expect, it } from 'vitest';
import { VALID_MANIFEST, writeTree } from './test-files.ts';
import { validateConnectorPackage } from './validate-package.ts';

const pkg = (extra: object = {}) => ({
  name: '@acme/connector-shop',
  version: '1.2.0',
  ferry: { manifest: './connector.yaml' },
  ...extra,
});

describe('validateConnectorPackage', () => {
  it('accepts a package whose manifest is valid and agrees with package.json', async () => {
    const dir = await writeTree({
      'package.json': pkg(),
      'connector.yaml': `${VALID_MANIFEST}version: 1.2.0\n`,
    });
    const result = await validateConnectorPackage(dir);
    expect(result.issues).toEqual([]);
    expect(result.value).toMatchObject({
      packageName: '@acme/connector-shop',
      packageVersion: '1.2.0',
      packageDir: dir,
    });
  });

  it('requires ferry.manifest in package.json', async () => {
    const dir = await writeTree({
      'package.json': { name: '@acme/connector-shop', version: '1.0.0' },
    });
    const result = await validateConnectorPackage(dir);
    expect(result.issues).toMatchObject([{ code: 'FERRY_PACKAGE_NO_MANIFEST', path: '$.ferry' }]);
    expect(result.issues[0]?.hint).toContain('"ferry": { "manifest": "./connector.yaml" }');
  });

  it('reports a name or version that differs from package.json', async () => {
    const dir = await writeTree({
      'package.json': pkg({ name: '@acme/connector-store' }),
      'connector.yaml': `${VALID_MANIFEST}version: 1.0.0\n`,
    });
    const result = await validateConnectorPackage(dir);
    expect(result.issues.map((i) => `${i.code} ${i.path} ${i.line}`)).toEqual([
      'FERRY_PACKAGE_NAME_MISMATCH $.name 1',
      'FERRY_PACKAGE_VERSION_MISMATCH $.version 28',
    ]);
  });

  it('reports a manifest file that does not exist', async () => {
    const dir = await writeTree({ 'package.json': pkg() });
    const result = await validateConnectorPackage(dir);
    expect(result.issues).toMatchObject([
      {
        code: 'FERRY_FILE_NOT_FOUND',
        message: expect.stringContaining('connector.yaml does not exist'),
      },
    ]);
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { validateConnectorPackage } from '@ferry/manifest';
import { startSalesforceSandbox } from '@ferry/testkit';
import { describe, expect, it } from 'vitest';
import type { Config } from './config.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('@ferry/connector-salesforce package', () => {
  it('is a valid connector package with its four streams and their schemas', async () => {
    const result = await validateConnectorPackage(packageDir);
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.value?.schemas ?? {})).toEqual([
      'accounts',
      'contacts',
      'opportunities',
      'accounts_upsert',
    ]);
  });

  it('declares the config type src/config.ts describes, with secrets marked', async () => {
    const spec = (await openConnector(packageDir)).spec();
    const keys: (keyof Config)[] = [
      'instanceUrl',
      'loginUrl',
      'clientId',
      'clientSecret',
      'refreshToken',
      'apiVersion',
      'startDate',
    ];
    expect(Object.keys(spec.config.properties ?? {}).sort()).toEqual([...keys].sort());
    expect(spec.config.required).toEqual(['instanceUrl', 'clientId', 'clientSecret']);
    const secret = Object.entries(spec.config.properties ?? {}).filter(([, f]) => f['x-secret']);
    expect(secret.map(([name]) => name)).toEqual(['clientSecret', 'refreshToken']);
  });

  it('has no secret and no sandbox address in its recorded fixtures', async () => {
    // the fixtures were recorded from a sandbox with its default credentials
    const { credentials } = await startSalesforceSandbox({ seed: { accounts: 0, contacts: 0 } });
    const dir = join(packageDir, 'fixtures');
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    const texts = await Promise.all(
      files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')),
    );
    expect(texts.length).toBe(7);
    for (const text of texts) {
      expect(text).not.toContain(credentials.clientSecret);
      expect(text).not.toMatch(/00D\w{12}!\w+/);
      expect(text).not.toContain('127.0.0.1');
    }
    expect(texts.join('')).toContain('client_secret=***');
  });
});

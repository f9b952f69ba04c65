import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConnectorPackage } from '@ferry/manifest';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('@ferry/connector-github package', () => {
  it('is a valid connector package with both streams and their schemas', async () => {
    const result = await validateConnectorPackage(packageDir);
    expect(result.issues).toEqual([]);
    expect(result.value?.packageName).toBe('@ferry/connector-github');
    expect(Object.keys(result.value?.schemas ?? {})).toEqual(['repositories', 'issues']);
    expect(result.value?.schemas.issues?.properties).toHaveProperty('updated_at');
  });
});

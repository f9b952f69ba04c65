import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTarget, defaultTarget } from './target.ts';

describe('the folder a connector is written into', () => {
  it('is connectors/<name> in the Ferry repository and ./<name> elsewhere', () => {
    expect(defaultTarget('acme-crm', '/src/ferry', '/src/ferry/cli')).toBe(
      '/src/ferry/connectors/acme-crm',
    );
    expect(defaultTarget('acme-crm', undefined, '/home/me')).toBe('/home/me/acme-crm');
  });

  it('may be missing or empty; with files it is refused unless forced, and forcing lists what is replaced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-new-'));
    expect(await checkTarget(join(dir, 'missing'), ['a'], false)).toEqual([]);
    await mkdir(join(dir, 'empty'));
    expect(await checkTarget(join(dir, 'empty'), ['a'], false)).toEqual([]);
    await mkdir(join(dir, 'full'));
    await writeFile(join(dir, 'full', 'README.md'), 'mine');
    await expect(checkTarget(join(dir, 'full'), ['README.md'], false)).rejects.toMatchObject({
      code: 'FERRY_NEW_TARGET_EXISTS',
      message: expect.stringContaining('already exists and is not empty (1 entry)'),
    });
    expect(await checkTarget(join(dir, 'full'), ['README.md', 'x.ts'], true)).toEqual([
      'README.md',
    ]);
    await expect(checkTarget(join(dir, 'full', 'README.md'), [], true)).rejects.toMatchObject({
      code: 'FERRY_NEW_TARGET_EXISTS',
      message: expect.stringContaining('is a file'),
    });
  });
});

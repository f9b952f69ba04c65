import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateConnectorPackage } from '@ferry/manifest';
import { describe, expect, it } from 'vitest';
import { files, packageDir, tempFolder } from './helpers.ts';

describe('@ferry/connector-files package', () => {
  it('is a valid connector package whose stream reads and writes', async () => {
    const result = await validateConnectorPackage(packageDir);
    expect(result.issues).toEqual([]);
    expect(result.value?.packageName).toBe('@ferry/connector-files');
    expect((await files()).discover()).toMatchObject([
      { name: 'records', primaryKey: ['id'], syncModes: ['full', 'incremental'], writable: true },
    ]);
  });

  it('checks that the path can be read, or written when it does not exist yet', async () => {
    const connector = await files();
    const folder = await tempFolder();
    await writeFile(join(folder, 'ok.jsonl'), '{"id":1}\n');
    await writeFile(join(folder, 'bad.csv'), 'id,name\n1\n');
    await mkdir(join(folder, 'empty'));
    expect(await connector.check({ path: join(folder, 'ok.jsonl') })).toEqual({ ok: true });
    expect(await connector.check({ path: join(folder, 'new.csv') })).toEqual({ ok: true });
    expect(await connector.check({ path: join(folder, 'empty') })).toEqual({ ok: true });
    expect(await connector.check({ path: join(folder, 'bad.csv') })).toEqual({
      ok: false,
      message: `${join(folder, 'bad.csv')}:2: has 1 field(s), the header has 2`,
    });
    expect(await connector.check({ path: join(folder, 'missing', 'x.csv') })).toEqual({
      ok: false,
      message: `${join(folder, 'missing', 'x.csv')} does not exist and ${join(folder, 'missing')} is not a writable folder`,
    });
    await writeFile(join(folder, 'data.txt'), '{"id":1}\n');
    expect(await connector.check({ path: join(folder, 'data.txt') })).toEqual({
      ok: false,
      message: `FERRY_FILES_FORMAT_UNKNOWN: cannot tell the format of ${join(folder, 'data.txt')} from its extension`,
    });
  });
});

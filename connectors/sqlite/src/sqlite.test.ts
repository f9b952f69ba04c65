import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openConnector } from '@ferry/declarative';
import { collect, records } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function writeAll(config: object, batches: JsonObject[][]) {
  const sqlite = await openConnector(packageDir);
  const results: WriteResult[] = [];
  for await (const batch of sqlite.write(config, 'rows', batches)) results.push(...batch);
  return results;
}

describe('@ferry/connector-sqlite', () => {
  it('upserts by key, adds columns as records grow, and rejects records without a key', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ferry-sqlite-')), 'out.db');
    const config = { path, table: 'customers' };
    const results = await writeAll(config, [
      [
        { id: 1, name: 'Ada' },
        { id: 2, name: 'Grace', tags: ['x'] },
      ],
      [{ id: 1, name: 'Ada Lovelace', vip: true }, { name: 'no key' }],
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
    expect(results[3]?.reason).toContain("no 'id'");
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT id, name, tags, vip FROM customers ORDER BY id').all()).toEqual([
      { id: 1, name: 'Ada Lovelace', tags: null, vip: 1 },
      { id: 2, name: 'Grace', tags: '["x"]', vip: null },
    ]);
    db.close();
    const sqlite = await openConnector(packageDir);
    expect(records(await collect(sqlite.read(config))).map((r) => r.id)).toEqual([1, 2]);
  });
});

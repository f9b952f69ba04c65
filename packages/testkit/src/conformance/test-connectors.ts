// Test support: small TypeScript-handler connectors written into a temporary folder inside the
// repository (so that their handlers resolve @ferry/sdk), some with a planted bug.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TMP = fileURLToPath(new URL('../../.test-tmp/', import.meta.url));

export interface PlantedOptions {
  /** Records the read handler yields (a JS expression over `i`, 0-based, for 5 items). */
  item?: string;
  /** The read handler ignores the state and reads everything again. */
  ignoreState?: boolean;
  /** A write handler that appends each record (no upsert by key) instead of replacing it. */
  appendWrites?: boolean;
}

const GOOD_ITEM =
  '({ id: i + 1, name: `item ${i + 1}`, updated_at: `2024-05-0${i + 1}T10:00:00Z` })';

/**
 * A connector with one stream `items` (key id, cursor updated_at) read by a handler, and
 * written to a JSON lines file at `config.path` (records replace those with the same id,
 * unless `appendWrites`). Its config has an `apiKey` secret that `check` verifies.
 */
export async function plantedConnector(
  name: string,
  options: PlantedOptions = {},
): Promise<string> {
  await mkdir(TMP, { recursive: true });
  const dir = await mkdtemp(join(TMP, `${name}-`));
  await mkdir(join(dir, 'src'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: `planted-${name}`,
      version: '1.0.0',
      type: 'module',
      ferry: { manifest: './connector.yaml' },
    }),
  );
  await writeFile(join(dir, 'connector.yaml'), MANIFEST(`planted-${name}`));
  await writeFile(join(dir, 'src', 'items.ts'), HANDLERS(options));
  return dir;
}

const MANIFEST = (name: string) => `name: "${name}"
title: Planted
runtime: "^1"
config:
  type: object
  required: [apiKey, path]
  properties:
    apiKey: { type: string, x-secret: true }
    path: { type: string }
permissions:
  hosts: []
streams:
  - name: items
    schema:
      type: object
      required: [id, updated_at]
      properties:
        id: { type: integer }
        name: { type: string }
        updated_at: { type: string, format: date-time }
    primaryKey: id
    cursorField: updated_at
    read:
      handler: ./dist/items.js#readItems
    write:
      handler: ./dist/items.js#writeItems
check:
  handler: ./dist/items.js#check
`;

const HANDLERS = (
  options: PlantedOptions,
) => `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConnector, type JsonObject } from '@ferry/sdk';

const connector = defineConnector<{ apiKey: string; path: string }>();

export const check = connector.check(async (ctx) =>
  ctx.config.apiKey === 'right-key' ? { ok: true } : { ok: false, message: 'wrong api key' },
);

export const readItems = connector.read<{ cursor?: string }>(async function* (ctx) {
  const stored: JsonObject[] = existsSync(ctx.config.path)
    ? readFileSync(ctx.config.path, 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l))
    : Array.from({ length: 5 }, (_, i) => ${options.item ?? GOOD_ITEM});
  const since = ${options.ignoreState ? 'undefined' : 'ctx.state?.cursor'};
  let last = ctx.state?.cursor;
  for (const record of stored) {
    const at = record.updated_at as string;
    if (since !== undefined && at <= since) continue;
    yield { record };
    if (last === undefined || at > last) last = at;
  }
  if (last !== undefined) yield { state: { cursor: last } };
});

export const writeItems = connector.write(async (ctx, records) => {
  const stored: JsonObject[] = existsSync(ctx.config.path)
    ? readFileSync(ctx.config.path, 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l))
    : [];
  for (const record of records) {
    const at = stored.findIndex((r) => r.id === record.id);
    if (at === -1 || ${options.appendWrites ? 'true' : 'false'}) stored.push(record);
    else stored[at] = record;
  }
  writeFileSync(ctx.config.path, stored.map((r) => JSON.stringify(r)).join('\\n') + '\\n');
  return records.map((_, index) => ({ index, status: 'accepted' as const }));
});
`;

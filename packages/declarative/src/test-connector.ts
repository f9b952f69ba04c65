import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connector } from './connector/connector.ts';
import { openConnector } from './connector/open.ts';

/** Test support: a manifest with the boilerplate filled in (name, title, runtime, config). */
export function manifest(parts: Record<string, unknown>): Record<string, unknown> {
  return {
    name: '@test/connector',
    title: 'Test',
    runtime: '^1',
    config: {
      type: 'object',
      properties: { baseUrl: { type: 'string' }, token: { type: 'string', 'x-secret': true } },
    },
    ...parts,
  };
}

/** Inside the repository, so that handler modules resolve @ferry/sdk like a real package does. */
const TMP = fileURLToPath(new URL('../.test-tmp/', import.meta.url));

/** Test support: writes a manifest (and extra files) to a temp folder and opens it. */
export async function connectorFrom(
  value: Record<string, unknown>,
  files: Record<string, string> = {},
): Promise<Connector> {
  await mkdir(TMP, { recursive: true });
  const dir = await mkdtemp(join(TMP, 'connector-'));
  for (const [path, text] of Object.entries({
    'connector.json': JSON.stringify(value, null, 2),
    ...files,
  })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return openConnector(join(dir, 'connector.json'));
}

export { collect, collectUntilError, records, states } from './testing/messages.ts';

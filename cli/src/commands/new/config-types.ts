import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSource } from '@ferry/manifest';

type Compile = typeof import('json-schema-to-typescript').compile;

interface GeneratorScript {
  renderConfigTypes(configSchema: unknown, compile: Compile): Promise<string>;
}

/**
 * Writes src/config.ts once, with the package's own scripts/generate-config-types.mjs (the one
 * `npm run generate` runs later) and this CLI's json-schema-to-typescript, since the new package
 * has no node_modules yet.
 */
export async function writeConfigTypes(target: string): Promise<void> {
  const manifest = await readSource(join(target, 'connector.yaml'));
  const config = (manifest.source?.data as { config?: unknown } | undefined)?.config;
  const script = (await import(
    pathToFileURL(join(target, 'scripts/generate-config-types.mjs')).href
  )) as GeneratorScript;
  const { compile } = await import('json-schema-to-typescript');
  await mkdir(join(target, 'src'), { recursive: true });
  await writeFile(join(target, 'src/config.ts'), await script.renderConfigTypes(config, compile));
}

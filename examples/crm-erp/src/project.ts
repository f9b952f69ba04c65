import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installConnectors, type OpenProject, openProject, type RunEvent } from '@ferry/runtime';

/** This example's folder (ferry.yaml) and the repository's connector packages. */
export const EXAMPLE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CONNECTORS = ['hubspot', 'odoo'].map((name) =>
  fileURLToPath(new URL(`../../../connectors/${name}`, import.meta.url)),
);

export interface DemoProjectOptions {
  /** Where the project lives (default: this example's folder); ferry.yaml is copied there. */
  dir?: string;
  /** Environment for ${env:...} references (the systems' addresses and credentials). */
  env: Record<string, string>;
  /** Start from an empty store (default true: the sandboxes start empty too). */
  fresh?: boolean;
  workers?: boolean;
  onEvent?: (event: RunEvent) => void;
}

/**
 * Prepares and opens the demo project: ferry.yaml in place, the HubSpot and Odoo connectors
 * installed from this repository into .ferry/ (unchanged ones are kept), the environment set,
 * and a fresh store.
 */
export async function openDemoProject(options: DemoProjectOptions): Promise<OpenProject> {
  const dir = options.dir ?? EXAMPLE_DIR;
  await mkdir(dir, { recursive: true });
  if (dir !== EXAMPLE_DIR) await copyFile(join(EXAMPLE_DIR, 'ferry.yaml'), join(dir, 'ferry.yaml'));
  await installConnectors(dir, CONNECTORS);
  if (options.fresh !== false)
    for (const file of ['ferry.db', 'ferry.db-wal', 'ferry.db-shm'])
      await rm(join(dir, '.ferry', file), { force: true });
  Object.assign(process.env, options.env);
  return openProject({
    projectFile: join(dir, 'ferry.yaml'),
    workers: options.workers ?? false,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
}

import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenProject } from '@ferry/runtime';
import { odooClock } from '@ferry/testkit';
import { onTestFinished } from 'vitest';
import { openDemoProject } from './project.ts';
import { type DemoSystems, type DemoSystemsOptions, startDemoSystems } from './systems.ts';

/** Temp folders inside the repository, so installed connectors resolve the repo's node_modules. */
const TMP = fileURLToPath(new URL('../../../.test-tmp/', import.meta.url));

export interface Demo {
  systems: DemoSystems;
  project: OpenProject;
  /** The ERP's clock: moved one second on before each edit, since Odoo dates have whole seconds. */
  tick(): void;
}

/** Both sandboxes and the demo project in a temp folder, closed when the test finishes. */
export async function startDemo(options: DemoSystemsOptions = {}): Promise<Demo> {
  const clock = odooClock(new Date('2026-03-02T09:00:00Z'));
  const systems = await startDemoSystems({ ...options, erp: { clock: clock.now, ...options.erp } });
  await mkdir(TMP, { recursive: true });
  const project = await openDemoProject({
    dir: await mkdtemp(join(TMP, 'crm-erp-')),
    env: systems.env,
  });
  onTestFinished(async () => {
    await project.close();
    await systems.close();
  });
  return { systems, project, tick: () => clock.advance(1) };
}

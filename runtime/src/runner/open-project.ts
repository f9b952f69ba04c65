import type { JsonObject } from '@ferry/sdk';
import { loadInstalledConnector } from '../install/loader.ts';
import { provideSdk } from '../install/provide-sdk.ts';
import { RunPool } from '../pipeline/pool.ts';
import { type LoadedProject, loadProject } from '../project/load-project.ts';
import { resolveConnectionConfig } from '../project/references.ts';
import { SecretStore } from '../project/secret-store.ts';
import { SqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { type RunEvent, Runner } from './runner.ts';

export interface OpenProjectOptions {
  projectFile?: string;
  /** Run syncs in worker threads (default true). */
  workers?: boolean;
  onEvent?: (event: RunEvent) => void;
}

export interface OpenProject {
  project: LoadedProject['project'];
  projectFile: string;
  projectDir: string;
  loaded: LoadedProject;
  store: Store;
  secrets: SecretStore;
  runner: Runner;
  pool?: RunPool;
  /** Every secret value resolved so far, for log redaction. */
  secretValues(): string[];
  close(): Promise<void>;
}

/**
 * Opens a project for running: validates ferry.yaml, opens (and migrates) its store, and builds
 * a Runner whose connectors come from the installed, lock-checked connectors and whose configs
 * have their ${env:...} and ${secret:...} references resolved.
 */
export async function openProject(options: OpenProjectOptions = {}): Promise<OpenProject> {
  const loaded = await loadProject(options.projectFile ?? 'ferry.yaml');
  provideSdk();
  const store = SqliteStore.open(loaded.storePath);
  await store.migrate();
  const secrets = new SecretStore(store, { location: loaded.storePath, ferryDir: loaded.ferryDir });
  const pool = options.workers === false ? undefined : new RunPool();
  const resolved = new Set<string>();
  const runner = new Runner({
    project: loaded.project,
    projectFile: loaded.file,
    store,
    resolveConnector: (pin) => loadInstalledConnector(loaded.dir, pin),
    resolveConfig: async (connection, config) => {
      const out = await resolveConnectionConfig(config, { secrets, connection, file: loaded.file });
      collectStrings(out, resolved, config);
      return out;
    },
    ...(pool ? { pool } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  return {
    project: loaded.project,
    projectFile: loaded.file,
    projectDir: loaded.dir,
    loaded,
    store,
    secrets,
    runner,
    ...(pool ? { pool } : {}),
    secretValues: () => [...resolved],
    async close() {
      await pool?.close();
      await store.close();
    },
  };
}

/** Values that came from references (they differ from the raw config): the secrets to redact. */
function collectStrings(resolvedValue: unknown, into: Set<string>, raw: unknown): void {
  if (typeof resolvedValue === 'string') {
    if (resolvedValue !== raw && resolvedValue.length >= 4) into.add(resolvedValue);
  } else if (resolvedValue && typeof resolvedValue === 'object') {
    for (const [k, v] of Object.entries(resolvedValue as JsonObject))
      collectStrings(v, into, (raw as JsonObject | undefined)?.[k]);
  }
}

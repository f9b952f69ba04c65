import { join } from 'node:path';
import type { Connector } from '@ferry/declarative';
import {
  type Issue,
  isFerryError,
  jsonPath,
  type ProjectFile,
  readSource,
  type Source,
} from '@ferry/manifest';
import { loadInstalledConnector } from '../install/loader.ts';
import { checkConnectionConfig } from './check-config.ts';
import { checkRecipe } from './check-recipes.ts';
import { at } from './issue-at.ts';
import type { LoadedProject } from './load-project.ts';

/**
 * Checks a (schema-valid) project against the connectors installed for it, reporting every
 * problem as an issue with its line: each connection's pin resolves to an installed, intact
 * connector; its config fits the connector's config schema and writes `x-secret` fields as
 * references; and each recipe's streams and mapping fit the connectors (see checkRecipe).
 */
export async function checkProjectAgainstInstalled(
  projectDir: string,
  project: LoadedProject | ProjectFile,
): Promise<Issue[]> {
  const { data, source } = await sourceOf(projectDir, project);
  const issues: Issue[] = [];
  const connectors = new Map<string, Connector>();
  for (const [id, connection] of Object.entries(data.connections ?? {})) {
    const path = ['connections', id, 'connector'];
    try {
      const connector = await loadInstalledConnector(projectDir, connection.connector, {
        where: { file: source.file, path: jsonPath(path) },
      });
      connectors.set(id, connector);
      issues.push(...checkConnectionConfig(source, id, connection.config, connector));
    } catch (error) {
      if (!isFerryError(error)) throw error;
      issues.push(at(source, error.code, path, firstLine(error.message), error.hint));
    }
  }
  for (const [id, recipe] of Object.entries(data.recipes ?? {}))
    issues.push(...checkRecipe(source, id, recipe, connectors));
  return issues;
}

async function sourceOf(
  projectDir: string,
  project: LoadedProject | ProjectFile,
): Promise<{ data: ProjectFile; source: Source }> {
  if ('source' in project && 'project' in project)
    return { data: project.project, source: project.source };
  const file = join(projectDir, 'ferry.yaml');
  const parsed = await readSource(file);
  // Without the file, issues still carry paths; only lines are missing.
  const source: Source = parsed.source ?? { file, data: project, locate: () => undefined };
  return { data: project, source };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

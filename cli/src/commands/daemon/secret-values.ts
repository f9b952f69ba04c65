import type { ProjectFile } from '@ferry/manifest';
import { resolveConnectionConfig, type SecretSource } from '@ferry/runtime';

const REFERENCE = /\$\{(?:env|secret):[^}]+\}/g;

/**
 * The values behind every `${env:...}` and `${secret:...}` reference in the project's
 * connection configs, for the daemon's logger to redact. A reference that does not resolve is
 * left out here: the run that needs it fails with its own coded error.
 */
export async function secretValues(project: ProjectFile, secrets: SecretSource): Promise<string[]> {
  const references = new Set<string>();
  for (const connection of Object.values(project.connections ?? {})) {
    for (const match of JSON.stringify(connection.config ?? {}).matchAll(REFERENCE))
      references.add(match[0]);
  }
  const values: string[] = [];
  for (const reference of references) {
    try {
      values.push(await resolveConnectionConfig(reference, { secrets }));
    } catch {
      // Unresolvable now: nothing to redact.
    }
  }
  return values;
}

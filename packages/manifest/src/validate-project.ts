import { checkAgainst } from './explain.ts';
import type { ProjectFile } from './generated/project-file.ts';
import type { Issue, Validation } from './issue.ts';
import { issueAt, problemIssue } from './located.ts';
import { PROJECT_SCHEMA_ID } from './schema-validator.ts';
import { readSource, type Source } from './source.ts';

/** Config keys that hold credentials by their name: such values must be references. */
const SECRET_KEY = /(token|secret|password|passwd|pwd|api[-_]?key|private[-_]?key|credentials?)$/i;
const REFERENCE = /\$\{([^}]*)\}/g;
const VALID_REFERENCE = /^(env:[A-Za-z_][A-Za-z0-9_]*|secret:[A-Za-z0-9_.-]+)$/;

export async function validateProjectFile(file: string): Promise<Validation<ProjectFile>> {
  const parsed = await readSource(file);
  if (!parsed.source) return { ok: false, issues: parsed.issues };
  return validateProjectSource(parsed.source);
}

/** Validates a ferry.yaml: its schema, recipe references and how secrets are written. */
export function validateProjectSource(source: Source): Validation<ProjectFile> {
  const issues: Issue[] = checkAgainst(PROJECT_SCHEMA_ID, source.data).map((p) =>
    problemIssue(source, p),
  );
  const data = source.data as Partial<ProjectFile> | null;
  if (data && typeof data === 'object') {
    const connections = isObject(data.connections) ? data.connections : {};
    for (const [id, connection] of Object.entries(connections)) {
      if (isObject(connection) && isObject(connection.config))
        checkSecrets(connection.config, ['connections', id, 'config']);
    }
    const known = Object.keys(connections);
    for (const [id, recipe] of Object.entries(isObject(data.recipes) ? data.recipes : {})) {
      if (!isObject(recipe)) continue;
      for (const end of ['source', 'destination'] as const) {
        const endpoint = recipe[end];
        if (!isObject(endpoint) || typeof endpoint.connection !== 'string') continue;
        if (!(endpoint.connection in connections)) {
          issues.push(
            issueAt(
              source,
              'FERRY_PROJECT_UNKNOWN_CONNECTION',
              ['recipes', id, end, 'connection'],
              `no connection is named '${endpoint.connection}'`,
              known.length > 0 ? `use one of: ${known.join(', ')}` : 'add it under `connections`',
            ),
          );
        }
      }
    }
  }
  const ok = issues.length === 0;
  return ok ? { ok, value: data as ProjectFile, issues } : { ok, issues };

  function checkSecrets(value: unknown, segments: (string | number)[]): void {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) checkSecrets(item, [...segments, i]);
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        const at = [...segments, key];
        if (
          typeof item === 'string' &&
          SECRET_KEY.test(key) &&
          item !== '' &&
          !/\$\{[^}]*\}/.test(item)
        ) {
          issues.push(
            issueAt(
              source,
              'FERRY_PROJECT_INLINE_SECRET',
              at,
              `'${key}' looks like a credential written in plain text`,
              `write \${env:${envName(key)}} and set that variable, or store it with the secret store and write \${secret:${key}}`,
            ),
          );
        }
        checkSecrets(item, at);
      }
    } else if (typeof value === 'string') {
      for (const match of value.matchAll(REFERENCE)) {
        const ref = match[1] ?? '';
        if (!VALID_REFERENCE.test(ref)) {
          issues.push(
            issueAt(
              source,
              'FERRY_PROJECT_BAD_REFERENCE',
              segments,
              `\${${ref}} is not a valid reference`,
            ),
          );
        }
      }
    }
  }
}

function envName(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { Connector } from '@ferry/declarative';
import { checkWithSchema, type Issue, type Source } from '@ferry/manifest';
import { at } from './issue-at.ts';
import { hasReference } from './references.ts';

/**
 * Checks a connection's config against its connector's config schema. References are left as
 * they are: a `${...}` string satisfies a string field whatever its pattern or format (its value
 * is known only at run time), but not a field of another type. Fields the schema marks
 * `x-secret: true` must be references, never plain text.
 */
export function checkConnectionConfig(
  source: Source,
  id: string,
  config: unknown,
  connector: Connector,
): Issue[] {
  const base = ['connections', id, 'config'];
  const schema = connector.spec().config;
  const label = `${connector.name} ${connector.version}`;
  const issues: Issue[] = [];
  for (const problem of checkWithSchema(schema, config ?? {})) {
    const value = valueAt(config, problem.segments);
    if (
      typeof value === 'string' &&
      hasReference(value) &&
      problem.code !== 'FERRY_SCHEMA_WRONG_TYPE'
    )
      continue;
    issues.push(
      at(
        source,
        problem.code,
        [...base, ...problem.segments],
        `${problem.message} (config of ${label})`,
        problem.hint,
        problem.atKey,
      ),
    );
  }
  for (const segments of secretFields(schema)) {
    const value = valueAt(config, segments);
    if (typeof value !== 'string' || value === '' || hasReference(value)) continue;
    issues.push(
      at(
        source,
        'FERRY_PROJECT_INLINE_SECRET',
        [...base, ...segments],
        `'${segments.join('.')}' is a secret of ${label} (x-secret) written in plain text`,
        `write \${env:NAME} and set that variable, or store it with \`ferry secret set ${id}-${segments.join('-')}\` and write \${secret:${id}-${segments.join('-')}}`,
      ),
    );
  }
  return issues;
}

/** Paths of the properties marked `x-secret: true`, through nested object properties. */
function secretFields(schema: unknown, prefix: string[] = []): string[][] {
  const properties = (schema as { properties?: Record<string, unknown> } | null)?.properties;
  if (!properties || typeof properties !== 'object') return [];
  const out: string[][] = [];
  for (const [key, sub] of Object.entries(properties)) {
    if ((sub as Record<string, unknown> | null)?.['x-secret'] === true) out.push([...prefix, key]);
    out.push(...secretFields(sub, [...prefix, key]));
  }
  return out;
}

function valueAt(value: unknown, segments: readonly (string | number)[]): unknown {
  let node = value;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

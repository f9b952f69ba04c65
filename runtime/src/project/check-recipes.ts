import { type Connector, compileExpression, type StreamInfo } from '@ferry/declarative';
import { type Issue, isFerryError, jsonPath, type Recipe, type Source } from '@ferry/manifest';
import { canonicalReadProblem, checkCanonicalRecipe } from './check-canonical.ts';
import { at } from './issue-at.ts';

/**
 * Checks a recipe against the connectors its connections load: the source stream exists and
 * can be read, the destination stream exists and can be written, every mapping key is a field
 * of the destination's record schema, every mapping expression compiles, and a mapping that is
 * a plain field path reads a field the source's record schema has (or, through a canonical
 * entity, `record.x` or `entity.x`). A recipe without a mapping must connect streams whose
 * records fit (see checkCanonicalRecipe). Connections that did not load are skipped (they have
 * their own issue).
 */
export function checkRecipe(
  source: Source,
  id: string,
  recipe: Recipe,
  connectors: Map<string, Connector>,
): Issue[] {
  const issues: Issue[] = [];
  const from = findStream(recipe.source, 'source');
  if (from && from.syncModes.length === 0) {
    issues.push(
      at(
        source,
        'FERRY_RECIPE_STREAM_NOT_READABLE',
        ['recipes', id, 'source', 'stream'],
        `stream '${from.name}' of ${connectors.get(recipe.source.connection)?.name} cannot be read`,
      ),
    );
  }
  const to = findStream(recipe.destination, 'destination');
  if (to && !to.writable) {
    issues.push(
      at(
        source,
        'FERRY_RECIPE_STREAM_NOT_WRITABLE',
        ['recipes', id, 'destination', 'stream'],
        `stream '${to.name}' of ${connectors.get(recipe.destination.connection)?.name} cannot be written`,
      ),
    );
  }
  const canonical = checkCanonicalRecipe(source, id, recipe, connectors, from, to);
  issues.push(...canonical.issues);
  for (const [field, expression] of Object.entries(recipe.mapping ?? {})) {
    const segments = ['recipes', id, 'mapping', field];
    if (to && !allows(to.schema, field)) {
      issues.push(
        at(
          source,
          'FERRY_RECIPE_MAPPING_UNKNOWN_FIELD',
          segments,
          `'${field}' is not a field of destination stream '${to.name}'`,
          `fields of '${to.name}': ${fieldsOf(to.schema).join(', ')}`,
          true,
        ),
      );
    }
    let compiled: ReturnType<typeof compileExpression>;
    try {
      compiled = compileExpression(expression, { file: source.file, path: jsonPath(segments) });
    } catch (error) {
      if (!isFerryError(error)) throw error;
      issues.push(at(source, error.code, segments, error.message, error.hint));
      continue;
    }
    if (!from || !compiled.isPath || compiled.source.startsWith('$')) continue;
    const keys = pathKeys(compiled.source);
    const first = keys[0] as string;
    const problem = canonical.entity
      ? canonicalReadProblem(canonical.entity, keys, (f) => allows(from.schema, f), from.name)
      : allows(from.schema, first)
        ? undefined
        : `'${first}', which is not a field of source stream '${from.name}'`;
    if (problem) {
      issues.push(
        at(
          source,
          'FERRY_RECIPE_MAPPING_UNKNOWN_SOURCE_FIELD',
          segments,
          `mapping '${field}' reads ${problem}`,
          `fields of '${from.name}': ${fieldsOf(from.schema).join(', ')}${canonical.entity ? `; the canonical ${canonical.entity} is \`entity\`` : ''}`,
        ),
      );
    }
  }
  return issues;

  function findStream(
    endpoint: Recipe['source'],
    end: 'source' | 'destination',
  ): StreamInfo | undefined {
    const connector = connectors.get(endpoint.connection);
    if (!connector) return undefined;
    const streams = connector.discover();
    const stream = streams.find((s) => s.name === endpoint.stream);
    if (!stream) {
      issues.push(
        at(
          source,
          'FERRY_RECIPE_STREAM_NOT_FOUND',
          ['recipes', id, end, 'stream'],
          `${connector.name} ${connector.version} has no stream '${endpoint.stream}'`,
          `streams of ${connector.name}: ${streams.map((s) => s.name).join(', ')}`,
        ),
      );
    }
    return stream;
  }
}

/** Whether a record schema lets an object have this top-level field. */
function allows(schema: unknown, field: string): boolean {
  const s = schema as { properties?: Record<string, unknown>; additionalProperties?: unknown };
  if (!s || typeof s !== 'object' || !s.properties) return true;
  if (field in s.properties) return true;
  return s.additionalProperties === true || typeof s.additionalProperties === 'object';
}

function fieldsOf(schema: unknown): string[] {
  return Object.keys((schema as { properties?: object } | null)?.properties ?? {});
}

/** `user.login` -> ['user', 'login']; `` `first-name`.x `` -> ['first-name', 'x']. */
function pathKeys(path: string): string[] {
  return [...path.matchAll(/`([^`]+)`|([^.`]+)/g)].map((m) => (m[1] ?? m[2]) as string);
}

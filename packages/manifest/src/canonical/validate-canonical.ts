import { suggestion } from '../explain.ts';
import type { Canonical } from '../generated/connector-manifest.ts';
import type { Issue } from '../issue.ts';
import { issueAt } from '../located.ts';
import type { Source } from '../source.ts';
import { CANONICAL_ENTITIES, isCanonicalEntity } from './entities.ts';
import { canonicalFields } from './fields.ts';

type Schema = Record<string, unknown>;

/** The pattern connector.schema.json gives `canonical.fields` values. */
const PLAIN = /^[^\s{}]+$/;

/**
 * The checks on a stream's `canonical` block that its JSON Schema cannot express: the entity is
 * one of the dictionary's; every canonical path (`fields` and `read` keys) is a field of that
 * entity; every plain record path (`fields` values, `write` keys) is a property of the stream's
 * record schema, as deep as the schema lists properties. Templates (`read` and `write` values)
 * are compiled by @ferry/declarative when the stream's canonical mapping is first used, which
 * reports FERRY_EXPRESSION_SYNTAX with the same file and JSON path.
 */
export function checkCanonical(
  source: Source,
  streamIndex: number,
  canonical: Partial<Canonical>,
  recordSchema: Schema | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const at = ['streams', streamIndex, 'canonical'];
  const { entity } = canonical;
  if (typeof entity !== 'string') return issues;
  if (!isCanonicalEntity(entity)) {
    const guess = suggestion(entity, [...CANONICAL_ENTITIES]);
    issues.push(
      issueAt(
        source,
        'FERRY_MANIFEST_CANONICAL_UNKNOWN_ENTITY',
        [...at, 'entity'],
        `'${entity}' is not an entity of the canonical dictionary`,
        `${guess ? `${guess} ` : ''}use one of: ${CANONICAL_ENTITIES.join(', ')}`,
      ),
    );
    return issues;
  }
  const known = canonicalFields(entity);
  const canonicalPath = (path: string, segments: (string | number)[]) => {
    if (known.includes(path)) return;
    const guess = suggestion(path, [...known]);
    issues.push(
      issueAt(
        source,
        'FERRY_MANIFEST_CANONICAL_UNKNOWN_FIELD',
        segments,
        `'${path}' is not a field of the canonical ${entity}`,
        `${guess ? `${guess} ` : ''}fields of ${entity}: ${known.join(', ')}`,
        true,
      ),
    );
  };
  const recordPath = (path: string, segments: (string | number)[], atKey: boolean) => {
    const missing = missingStep(recordSchema, path);
    if (!missing) return;
    const guess = suggestion(missing.key, missing.choices);
    issues.push(
      issueAt(
        source,
        'FERRY_MANIFEST_CANONICAL_UNKNOWN_RECORD_FIELD',
        segments,
        `'${path}' is not a field of the stream's record schema ('${missing.key}' is not among the properties${missing.under ? ` of '${missing.under}'` : ''})`,
        `${guess ? `${guess} ` : ''}add '${missing.key}' to the record schema, or use one of: ${missing.choices.join(', ')}`,
        atKey,
      ),
    );
  };
  for (const [path, field] of entries(canonical.fields)) {
    canonicalPath(path, [...at, 'fields', path]);
    // Not a plain path: the schema check already reported it.
    if (typeof field === 'string' && PLAIN.test(field))
      recordPath(field, [...at, 'fields', path], false);
  }
  for (const [path] of entries(canonical.read)) canonicalPath(path, [...at, 'read', path]);
  for (const [path] of entries(canonical.write)) recordPath(path, [...at, 'write', path], true);
  return issues;
}

/** The entries of a map; nothing when the schema check already reported it is not an object. */
function entries(value: unknown): [string, unknown][] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
}

/**
 * The first step of a dotted path that the record schema does not list, or undefined when the
 * path fits. Only schemas that list `properties` are checked; below a property without them
 * (a free-form object, a `$ref`, a list) anything goes.
 */
function missingStep(
  schema: Schema | undefined,
  path: string,
): { key: string; under: string; choices: string[] } | undefined {
  let node = schema;
  const done: string[] = [];
  for (const key of splitPath(path)) {
    const properties = node?.properties;
    if (!properties || typeof properties !== 'object') return undefined;
    const choices = Object.keys(properties);
    if (!choices.includes(key)) return { key, under: done.join('.'), choices };
    node = (properties as Record<string, Schema>)[key];
    done.push(key);
  }
  return undefined;
}

/** `a.\`b.c\`.d` -> ['a', 'b.c', 'd'], the way @ferry/declarative reads plain paths. */
function splitPath(path: string): string[] {
  return [...path.matchAll(/`([^`]+)`|([^.`]+)/g)].map((m) => (m[1] ?? m[2]) as string);
}

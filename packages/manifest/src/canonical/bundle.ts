import { CANONICAL_ENTITIES, canonicalSchema, type JsonSchemaObject } from './entities.ts';

/**
 * The whole dictionary as one schema, for generating TypeScript types once: every entity and
 * shared definition under `$defs`, and a root that is any one entity (`CanonicalRecord`).
 */
export function canonicalBundle(): JsonSchemaObject {
  const $defs: Record<string, unknown> = {};
  for (const entity of CANONICAL_ENTITIES) {
    const { $defs: shared, $id: _id, $schema: _schema, ...schema } = canonicalSchema(entity);
    Object.assign($defs, shared, { [entity]: schema });
  }
  return bareRefs({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'CanonicalRecord',
    description: 'A record of any entity of the canonical dictionary.',
    anyOf: CANONICAL_ENTITIES.map((entity) => ({ $ref: `#/$defs/${entity}` })),
    $defs,
  }) as JsonSchemaObject;
}

/**
 * Drops the keys beside a `$ref` (a property's own description): json-schema-to-typescript
 * would otherwise declare a copy of the referenced type per property (Address1, Address2).
 */
function bareRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bareRefs);
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, bareRefs(v)]));
}

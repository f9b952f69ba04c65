import { type CanonicalEntity, canonicalSchema, type JsonSchemaObject } from './entities.ts';

const cache = new Map<CanonicalEntity, readonly string[]>();

/**
 * Every field path of an entity, nested objects included and followed into them:
 * `billingAddress` and `billingAddress.city` both. Lists are leaves (`lines`, not
 * `lines.sku`): a plain path cannot pick one item, so a list is mapped whole or computed.
 */
export function canonicalFields(entity: CanonicalEntity): readonly string[] {
  let fields = cache.get(entity);
  if (!fields) {
    const root = canonicalSchema(entity);
    fields = walk(root, root, '');
    cache.set(entity, fields);
  }
  return fields;
}

/** The fields that hold a value rather than an object: what a flattened record's keys are. */
export function canonicalLeafFields(entity: CanonicalEntity): readonly string[] {
  const all = canonicalFields(entity);
  return all.filter((path) => !all.some((other) => other.startsWith(`${path}.`)));
}

function walk(root: JsonSchemaObject, schema: JsonSchemaObject, prefix: string): string[] {
  const properties = resolve(root, schema).properties as Record<string, JsonSchemaObject>;
  const out: string[] = [];
  for (const [name, property] of Object.entries(properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.push(path);
    const target = resolve(root, property);
    if (target.properties) out.push(...walk(root, target, path));
  }
  return out;
}

/** Follows a local `$ref` (`#/$defs/Address`); the bundled schemas hold no other kind. */
function resolve(root: JsonSchemaObject, schema: JsonSchemaObject): JsonSchemaObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace(/^#\/\$defs\//, '');
  return ((root.$defs as Record<string, JsonSchemaObject>)[name] ?? {}) as JsonSchemaObject;
}

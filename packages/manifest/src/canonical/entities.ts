// The canonical dictionary: the business entities a connector stream can map onto (its
// manifest's `canonical` block), so that a recipe between two streams of the same entity needs no
// hand-written mapping. The JSON Schemas in schemas/canonical/ are the contract; this module
// lists them and hands out each one self-contained (the shared definitions copied in), so any
// JSON Schema validator can compile it without fetching common.schema.json.
import common from '../../schemas/canonical/common.schema.json' with { type: 'json' };
import contact from '../../schemas/canonical/contact.schema.json' with { type: 'json' };
import customer from '../../schemas/canonical/customer.schema.json' with { type: 'json' };
import invoice from '../../schemas/canonical/invoice.schema.json' with { type: 'json' };
import product from '../../schemas/canonical/product.schema.json' with { type: 'json' };
import salesOrder from '../../schemas/canonical/sales-order.schema.json' with { type: 'json' };

/** The entities of the canonical dictionary, in the order documentation lists them. */
export const CANONICAL_ENTITIES = [
  'Customer',
  'Contact',
  'Product',
  'SalesOrder',
  'Invoice',
] as const;

export type CanonicalEntity = (typeof CANONICAL_ENTITIES)[number];

/** A JSON Schema object, as the files hold it. */
export type JsonSchemaObject = Record<string, unknown>;

const files: Record<CanonicalEntity, JsonSchemaObject> = {
  Customer: customer,
  Contact: contact,
  Product: product,
  SalesOrder: salesOrder,
  Invoice: invoice,
};

/** The schema every entity's `$ref: common.schema.json#/$defs/...` points into. */
export const CANONICAL_COMMON_SCHEMA: JsonSchemaObject = common;

export function isCanonicalEntity(name: unknown): name is CanonicalEntity {
  return typeof name === 'string' && (CANONICAL_ENTITIES as readonly string[]).includes(name);
}

const bundled = new Map<CanonicalEntity, JsonSchemaObject>();

/**
 * An entity's JSON Schema (draft 2020-12), self-contained: the shared definitions (Address,
 * CustomerRef) are copied into its `$defs` and its references rewritten to them. The same
 * object is returned on every call; do not modify it.
 */
export function canonicalSchema(entity: CanonicalEntity): JsonSchemaObject {
  let schema = bundled.get(entity);
  if (!schema) {
    const { $defs: own = {}, ...rest } = files[entity] as { $defs?: JsonSchemaObject };
    schema = localRefs({
      ...rest,
      $defs: { ...(common.$defs as JsonSchemaObject), ...own },
    }) as JsonSchemaObject;
    bundled.set(entity, schema);
  }
  return schema;
}

/** Rewrites `common.schema.json#/$defs/X` references to `#/$defs/X` (a deep copy). */
function localRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof item === 'string'
        ? item.replace(/^common\.schema\.json#/, '#')
        : localRefs(item);
  }
  return out;
}

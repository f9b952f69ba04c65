import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import connectorSchema from '../schemas/connector.schema.json' with { type: 'json' };
import projectSchema from '../schemas/project.schema.json' with { type: 'json' };

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const CONNECTOR_SCHEMA_ID = connectorSchema.$id;
export const PROJECT_SCHEMA_ID = projectSchema.$id;

export type SchemaId = typeof CONNECTOR_SCHEMA_ID | typeof PROJECT_SCHEMA_ID;

/** Ajv set up the one way Ferry uses it: draft 2020-12, every error, Ferry's extra keywords. */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strictSchema: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    ...options,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-secret', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  return ajv;
}

let shared: Ajv2020 | undefined;

/** The ajv instance that holds Ferry's own schemas (compiled once per process). */
export function schemaAjv(): Ajv2020 {
  if (!shared) {
    shared = createAjv();
    shared.addSchema(connectorSchema);
    shared.addSchema(projectSchema);
  }
  return shared;
}

/** The compiled validator for a schema, or for a location inside it (`id#/$defs/X`). */
export function validatorFor(ref: string): ValidateFunction {
  const ajv = schemaAjv();
  const existing = ajv.getSchema(ref);
  if (existing) return existing;
  return ajv.compile({ $ref: ref });
}

export function schemaAt(pointer: string): unknown {
  const [id, fragment = ''] = pointer.split('#');
  let node: unknown = id === CONNECTOR_SCHEMA_ID ? connectorSchema : projectSchema;
  for (const raw of fragment.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  return node;
}

export type { ErrorObject, ValidateFunction };

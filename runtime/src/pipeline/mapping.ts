import { compileExpression, type Expression } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';

export type Mapper = (record: JsonObject) => JsonObject | Promise<JsonObject>;

/**
 * Compiles a recipe's mapping (destination field -> expression over the source record). With no
 * mapping, records pass through as they are. When every expression is a plain field path the
 * mapper is synchronous property access: no JSONata on the hot path.
 */
export function compileMapping(
  mapping: Record<string, string> | undefined,
  where: { file?: string; path: string },
): Mapper {
  if (!mapping || Object.keys(mapping).length === 0) return (record) => record;
  const fields: [string, Expression][] = Object.entries(mapping).map(([field, source]) => [
    field,
    compileExpression(source, { ...where, path: `${where.path}.${field}` }),
  ]);
  if (fields.every(([, e]) => e.isPath)) {
    return (record) => {
      const out: JsonObject = {};
      for (const [field, expression] of fields) {
        const value = expression.evaluate(record);
        if (value !== undefined) out[field] = value;
      }
      return out;
    };
  }
  return async (record) => {
    const out: JsonObject = {};
    for (const [field, expression] of fields) {
      const value = await expression.evaluate(record);
      if (value !== undefined) out[field] = value;
    }
    return out;
  };
}

import { type CompiledCanonical, compileExpression, type Expression } from '@ferry/declarative';
import type { JsonObject } from '@ferry/sdk';

export type Mapper = (record: JsonObject) => JsonObject | Promise<JsonObject>;

type Where = { file?: string; path: string };

/** The canonical mappings of a recipe's two streams, when they declare them. */
export interface CanonicalEnds {
  source: CompiledCanonical | undefined;
  destination: CompiledCanonical | undefined;
}

/**
 * A recipe's mapper. When both streams map onto the same canonical entity, records go source ->
 * canonical -> destination and the recipe's mapping only overrides destination fields (see
 * compileCanonicalMapping); otherwise the mapping is the whole mapping (compileMapping).
 */
export function compileRecipeMapping(
  mapping: Record<string, string> | undefined,
  where: Where,
  ends: CanonicalEnds,
): Mapper {
  const { source, destination } = ends;
  if (source && destination && source.entity === destination.entity)
    return compileCanonicalMapping(source, destination, mapping, where);
  return compileMapping(mapping, where);
}

/**
 * Source record -> canonical entity -> destination record, then `overrides` (destination field
 * -> expression) replace single fields. Override expressions see the source record's fields, as
 * any mapping does, plus `record` (the source record) and `entity` (the canonical record); one
 * that yields undefined leaves its field out. Always asynchronous: the canonical mappings are.
 */
export function compileCanonicalMapping(
  source: CompiledCanonical,
  destination: CompiledCanonical,
  overrides: Record<string, string> | undefined,
  where: Where,
): Mapper {
  const fields = Object.entries(overrides ?? {}).map(
    ([field, expression]) =>
      [field, compileExpression(expression, { ...where, path: `${where.path}.${field}` })] as const,
  );
  return async (record) => {
    const entity = await source.toCanonical(record);
    const out = await destination.fromCanonical(entity);
    if (fields.length === 0) return out;
    const context = { ...record, record, entity };
    for (const [field, expression] of fields) {
      const value = await expression.evaluate(context);
      if (value === undefined) delete out[field];
      else out[field] = value as JsonObject[string];
    }
    return out;
  };
}

/**
 * Compiles a recipe's mapping (destination field -> expression over the source record). With no
 * mapping, records pass through as they are. When every expression is a plain field path the
 * mapper is synchronous property access: no JSONata on the hot path.
 */
export function compileMapping(mapping: Record<string, string> | undefined, where: Where): Mapper {
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

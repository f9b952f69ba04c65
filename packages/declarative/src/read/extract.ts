import type { JsonObject } from '@ferry/sdk';
import { engineErrors } from '../errors.ts';
import type { SourceRef } from '../expression/expression.ts';

/**
 * Compiles a records path ('' or absent for the root, 'data.items', or a list of keys) into a
 * function that finds the records in a response body: a list, or a single object (one record).
 * A missing path is an empty page.
 */
export function compileExtractor(
  path: string | string[] | undefined,
  where: SourceRef,
): (body: unknown) => JsonObject[] {
  const keys = Array.isArray(path) ? path : path ? path.split('.') : [];
  return (body) => {
    let value = body;
    for (const key of keys) {
      if (value === null || value === undefined) return [];
      value = (value as Record<string, unknown>)[key];
    }
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item !== 'object' || item === null || Array.isArray(item))
          throw notRecords(item, keys, where);
      }
      return value as JsonObject[];
    }
    if (typeof value === 'object') return [value as JsonObject];
    throw notRecords(value, keys, where);
  };
}

function notRecords(value: unknown, keys: string[], where: SourceRef) {
  return engineErrors.create(
    'FERRY_RECORDS_NOT_FOUND',
    `records at '${keys.join('.') || '(root)'}' must be objects, found ${JSON.stringify(value)?.slice(0, 80)}`,
    { ...where },
  );
}

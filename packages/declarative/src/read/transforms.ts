import type { Transform } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import type { SourceRef } from '../expression/expression.ts';
import { splitPath } from '../expression/expression.ts';
import { compileTemplate } from '../expression/template.ts';

export type RecordTransform = (
  record: JsonObject,
  context: Record<string, unknown>,
) => void | Promise<void>;

/**
 * Compiles a stream's transforms into one function applied to each record in place: add (a field
 * set from a template over record and the read context), remove and rename. Field names are
 * dotted paths.
 */
export function compileTransforms(
  transforms: Transform[] | undefined,
  where: SourceRef,
): RecordTransform | undefined {
  if (!transforms || transforms.length === 0) return undefined;
  const steps: RecordTransform[] = transforms.map((t, i) => {
    const at = `${where.path}[${i}]`;
    if (t.add) {
      const fields = Object.entries(t.add).map(([field, value]) => {
        const template =
          typeof value === 'string'
            ? compileTemplate(value, { ...where, path: `${at}.add.${field}` })
            : undefined;
        return { keys: splitPath(field), template, value };
      });
      return async (record, context) => {
        for (const { keys, template, value } of fields) {
          setPath(record, keys, template ? await template.render({ ...context, record }) : value);
        }
      };
    }
    if (t.remove) {
      const paths = t.remove.map(splitPath);
      return (record) => {
        for (const keys of paths) deletePath(record, keys);
      };
    }
    const renames = Object.entries(t.rename ?? {}).map(
      ([from, to]) => [splitPath(from), splitPath(to)] as const,
    );
    return (record) => {
      for (const [from, to] of renames) {
        const value = getPath(record, from);
        if (value === undefined) continue;
        deletePath(record, from);
        setPath(record, to, value);
      }
    };
  });
  return async (record, context) => {
    for (const step of steps) await step(record, context);
  };
}

function getPath(record: JsonObject, keys: string[]): unknown {
  let value: unknown = record;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function setPath(record: JsonObject, keys: string[], value: unknown): void {
  let node = record;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[keys[keys.length - 1] as string] = value;
}

function deletePath(record: JsonObject, keys: string[]): void {
  const parent = getPath(record, keys.slice(0, -1));
  if (typeof parent === 'object' && parent !== null)
    delete (parent as JsonObject)[keys[keys.length - 1] as string];
}

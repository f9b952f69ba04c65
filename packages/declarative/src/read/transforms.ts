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
  const steps: Step[] = transforms.map((t, i) => {
    const at = `${where.path}[${i}]`;
    if (t.add) {
      const fields = Object.entries(t.add).map(([field, value]) => {
        const template =
          typeof value === 'string'
            ? compileTemplate(value, { ...where, path: `${at}.add.${field}` })
            : undefined;
        return { path: compilePath(field), template, value };
      });
      return {
        sync: false,
        run: async (record, context) => {
          for (const { path, template, value } of fields)
            setPath(record, path, template ? await template.render({ ...context, record }) : value);
        },
      };
    }
    if (t.remove) {
      const paths = t.remove.map(compilePath);
      return {
        sync: true,
        run: (record) => {
          for (const path of paths) deletePath(record, path);
        },
      };
    }
    const renames = Object.entries(t.rename ?? {}).map(
      ([from, to]) => [compilePath(from), compilePath(to)] as const,
    );
    return {
      sync: true,
      run: (record) => {
        for (const [from, to] of renames) {
          const parent = getParent(record, from);
          const value = parent?.[from.last];
          if (value === undefined) continue;
          delete (parent as JsonObject)[from.last];
          setPath(record, to, value);
        }
      },
    };
  });
  // renames and removals only: one synchronous call per record, no promise (the hot path of
  // APIs like HubSpot that nest every field under `properties`)
  if (steps.every((s) => s.sync))
    return (record, context) => {
      for (const step of steps) step.run(record, context);
    };
  return async (record, context) => {
    for (const step of steps) await step.run(record, context);
  };
}

interface Step {
  sync: boolean;
  run: RecordTransform;
}

/** A dotted path split once: the keys down to the parent, and the last key. */
interface Path {
  parent: string[];
  last: string;
}

function compilePath(field: string): Path {
  const keys = splitPath(field);
  return { parent: keys.slice(0, -1), last: keys[keys.length - 1] as string };
}

function getParent(record: JsonObject, path: Path): JsonObject | undefined {
  let node: unknown = record;
  for (const key of path.parent) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === 'object' && node !== null ? (node as JsonObject) : undefined;
}

function setPath(record: JsonObject, path: Path, value: unknown): void {
  let node = record;
  for (const key of path.parent) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[path.last] = value as JsonObject[string];
}

function deletePath(record: JsonObject, path: Path): void {
  const parent = getParent(record, path);
  if (parent) delete parent[path.last];
}

import type { Partitions } from '@ferry/manifest';
import type { JsonObject } from '@ferry/sdk';
import type { SourceRef } from '../expression/expression.ts';
import { compileTemplate } from '../expression/template.ts';

/** One partition of a read: its state key, its value, and the names it binds in templates. */
export interface Partition {
  key: string;
  value: unknown;
  bindings: Record<string, unknown>;
}

interface PartitionRun {
  config: JsonObject;
  readParent: (stream: string) => AsyncIterable<JsonObject[]>;
}

/**
 * Compiles `read.partitions`: a list of values (or a template giving one), or the records of a
 * parent stream, each turned into a value by a template over `record`. Without partitions the
 * read has one partition with no bindings.
 */
export function compilePartitions(
  spec: Partitions | undefined,
  where: SourceRef,
): (run: PartitionRun) => AsyncIterable<Partition> {
  if (!spec) {
    return async function* () {
      yield { key: '', value: undefined, bindings: {} };
    };
  }
  const as = spec.as ?? 'partition';
  const make = (value: unknown, extra: Record<string, unknown> = {}): Partition => ({
    key: typeof value === 'string' ? value : JSON.stringify(value),
    value,
    bindings: { partition: value, [as]: value, ...extra },
  });
  if (spec.parent) {
    const parent = spec.parent;
    const value = compileTemplate(parent.value, { ...where, path: `${where.path}.parent.value` });
    return async function* (run) {
      for await (const records of run.readParent(parent.stream)) {
        for (const record of records) {
          const v = await value.render({ config: run.config, record });
          if (v !== undefined && v !== null) yield make(v, { parent: record });
        }
      }
    };
  }
  const values =
    typeof spec.values === 'string'
      ? compileTemplate(spec.values, { ...where, path: `${where.path}.values` })
      : undefined;
  return async function* (run) {
    const list = values ? await values.render({ config: run.config }) : spec.values;
    for (const v of Array.isArray(list) ? list : list === undefined || list === null ? [] : [list])
      yield make(v);
  };
}

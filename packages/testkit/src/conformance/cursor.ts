import type { JsonObject } from '@ferry/sdk';

/**
 * Reading the cursor out of a state, in the forms Ferry connectors use: the engine's
 * `{ cursor, keys }`, its partitioned `{ partitions: { <key>: { cursor, keys, partition } } }`,
 * and a handler's own `{ <cursorField>: value, ... }`.
 */

type Partition = { cursor?: unknown; partition?: unknown };

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function partitionsOf(state: JsonObject): Partition[] | undefined {
  const partitions = state.partitions;
  if (partitions === null || typeof partitions !== 'object' || Array.isArray(partitions))
    return undefined;
  return Object.values(partitions as Record<string, Partition>).filter(
    (p) => p !== null && typeof p === 'object' && p.cursor !== undefined,
  );
}

/** Whether a record belongs to a partition: a field equal to its value, or all its fields. */
function inPartition(record: JsonObject, partition: unknown): boolean {
  if (partition === null || partition === undefined) return false;
  if (typeof partition === 'object')
    return Object.entries(partition).every(
      ([key, value]) => JSON.stringify(record[key]) === JSON.stringify(value),
    );
  return Object.values(record).some((value) => value === partition);
}

/** Whether the suite can read a cursor out of this state. */
export function hasCursor(state: JsonObject, cursorField: string): boolean {
  return 'cursor' in state || (partitionsOf(state)?.length ?? 0) > 0 || cursorField in state;
}

/**
 * The state's cursor that applies to a record: the partition's when the record names its
 * partition, else the lowest partition cursor (the most lenient bound).
 */
export function cursorFor(state: JsonObject, cursorField: string, record: JsonObject): unknown {
  if ('cursor' in state) return state.cursor;
  const partitions = partitionsOf(state);
  if (partitions && partitions.length > 0) {
    const own = partitions.find((p) => inPartition(record, p.partition));
    if (own) return own.cursor;
    return partitions.map((p) => p.cursor).reduce((a, b) => (compareCursors(a, b) <= 0 ? a : b));
  }
  return state[cursorField];
}

/** Orders cursor values: numbers numerically, dates by instant, other text as text. */
export function compareCursors(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (DATE_LIKE.test(a) && DATE_LIKE.test(b)) {
      const [x, y] = [Date.parse(a), Date.parse(b)];
      if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** A cursor value far in the future, in the same format; undefined when there is none. */
export function futureCursor(value: unknown): unknown {
  if (typeof value === 'number') return Number.MAX_SAFE_INTEGER;
  if (typeof value === 'string' && DATE_LIKE.test(value))
    return value
      .replace(DATE_LIKE, '9999-12-31')
      .replace(/T\d{2}:\d{2}(:\d{2})?/, (t) => (t.length > 6 ? 'T23:59:59' : 'T23:59'));
  return undefined;
}

/**
 * The state with every cursor moved far into the future (and the keys read at the boundary
 * emptied): a read from it must return nothing. Undefined when a cursor has no future form.
 */
export function futureState(state: JsonObject, cursorField: string): JsonObject | undefined {
  const moved = (entry: JsonObject, field: string): JsonObject | undefined => {
    const future = futureCursor(entry[field]);
    if (future === undefined) return undefined;
    return {
      ...entry,
      [field]: future as string,
      ...(Array.isArray(entry.keys) ? { keys: [] } : {}),
    };
  };
  if ('cursor' in state) return moved(state, 'cursor');
  if (partitionsOf(state)?.length) {
    const partitions: Record<string, JsonObject> = {};
    for (const [key, entry] of Object.entries(state.partitions as Record<string, JsonObject>)) {
      const next = entry?.cursor === undefined ? entry : moved(entry, 'cursor');
      if (next === undefined) return undefined;
      partitions[key] = next;
    }
    return { ...state, partitions };
  }
  if (cursorField in state) {
    const next = moved(state, cursorField);
    if (!next) return undefined;
    // A handler's list of keys (or values) already read at the boundary no longer applies.
    for (const [key, value] of Object.entries(next))
      if (key !== cursorField && Array.isArray(value)) next[key] = [];
    return next;
  }
  return undefined;
}

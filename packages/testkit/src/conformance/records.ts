import type { JsonObject } from '@ferry/sdk';

/** A record's primary key as the engine writes it in state: the key values as a JSON array. */
export function keyOf(record: JsonObject, primaryKey: string[]): string {
  return JSON.stringify(primaryKey.map((field) => record[field] ?? null));
}

/** The first primary key field whose value is null or missing, if any. */
export function nullKeyField(record: JsonObject, primaryKey: string[]): string | undefined {
  return primaryKey.find((field) => record[field] === undefined || record[field] === null);
}

/** Object keys in sorted order, at every depth: equal values print as equal text. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/** JSON with sorted keys; `space` pretty-prints it. */
export function canonical(value: unknown, space?: number): string {
  return JSON.stringify(sortKeys(value), null, space);
}

/** A copy of the record without the given fields (`a.b` reaches into nested objects). */
export function withoutFields(record: JsonObject, fields: readonly string[]): JsonObject {
  if (fields.length === 0) return record;
  const copy = structuredClone(record);
  for (const field of fields) {
    const path = field.split('.');
    let node: unknown = copy;
    for (const part of path.slice(0, -1)) node = (node as Record<string, unknown> | null)?.[part];
    if (node !== null && typeof node === 'object')
      delete (node as Record<string, unknown>)[path.at(-1) as string];
  }
  return copy;
}

/** A short one-line rendering of a record for messages. */
export function brief(value: unknown, max = 200): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

/** How two records differ, field by field: `title: "a" -> "b"`, `+labels`, `-body`. */
export function fieldChanges(a: JsonObject, b: JsonObject): string[] {
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(key in b)) changes.push(`${key}: ${brief(a[key], 60)} -> (missing)`);
    else if (!(key in a)) changes.push(`${key}: (missing) -> ${brief(b[key], 60)}`);
    else if (canonical(a[key]) !== canonical(b[key]))
      changes.push(`${key}: ${brief(a[key], 60)} -> ${brief(b[key], 60)}`);
  }
  return changes;
}

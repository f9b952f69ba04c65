import type { JsonObject } from '@ferry/sdk';

/** Canonical values flattened to leaf paths: { 'billingAddress.city': 'Lyon', email: 'a@b.c' }. */
export type Flat = Record<string, unknown>;

/** Flattens nested objects into dot paths; arrays and scalars are leaves. */
export function flatten(value: JsonObject, prefix = '', out: Flat = {}): Flat {
  for (const [key, item] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (item !== null && typeof item === 'object' && !Array.isArray(item))
      flatten(item as JsonObject, path, out);
    else if (item !== undefined) out[path] = item;
  }
  return out;
}

/** The inverse of flatten. */
export function unflatten(flat: Flat): JsonObject {
  const out: JsonObject = {};
  for (const [path, value] of Object.entries(flat)) {
    const steps = path.split('.');
    let at = out as Record<string, unknown>;
    for (const step of steps.slice(0, -1)) {
      if (at[step] === null || typeof at[step] !== 'object') at[step] = {};
      at = at[step] as Record<string, unknown>;
    }
    at[steps.at(-1) as string] = value as JsonObject[string];
  }
  return out;
}

/** Empty in every system's dialect: absent, null or ''. */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * Whether two systems hold the same value: empties are equal, numbers compare by value even when
 * one system sends them as strings (HubSpot sends every property as a string), strings compare
 * trimmed, and lists and objects by their JSON with sorted keys.
 */
export function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) && x === y;
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

// The search request's filterGroups (ORed groups of ANDed filters), sorts and query, compiled
// to a predicate and a comparator. Source: https://developers.hubspot.com/docs/api-reference/search/guide
// (operators, at most 5 groups / 6 filters a group / 18 in all, one sort, datetimes as epoch-ms
// strings, oldest-created first without sorts). Choices the guide does not settle (unverified):
// string comparisons ignore case for EQ/NEQ/IN/NOT_IN; NEQ matches objects without the property;
// a filter on an unknown property or a datetime value that is not epoch milliseconds is a 400;
// nulls sort last; ties keep id order.
import type { PropertyRegistry } from './properties.ts';
import type { HubspotObject, HubspotObjectType } from './types.ts';

interface Filter {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  highValue?: unknown;
  values?: unknown;
}

type Predicate = (object: HubspotObject) => boolean;
type Compiled<T> = { ok: T } | { problem: string };

export function compileFilters(
  registry: PropertyRegistry,
  type: HubspotObjectType,
  groups: unknown,
): Compiled<Predicate> {
  if (groups === undefined) return { ok: () => true };
  if (!Array.isArray(groups)) return { problem: 'filterGroups must be a list' };
  const count = groups.reduce(
    (n, g) => n + ((g as { filters?: unknown[] }).filters?.length ?? 0),
    0,
  );
  if (groups.length > 5 || count > 18 || groups.some((g) => (g?.filters?.length ?? 0) > 6))
    return {
      problem: `too many filters: at most 5 filterGroups, 6 filters in a group and 18 in all (got ${groups.length} groups, ${count} filters)`,
    };
  const compiled: Predicate[][] = [];
  for (const group of groups as { filters?: Filter[] }[]) {
    const filters: Predicate[] = [];
    for (const filter of group.filters ?? []) {
      const one = compileFilter(registry, type, filter);
      if ('problem' in one) return one;
      filters.push(one.ok);
    }
    compiled.push(filters);
  }
  if (compiled.length === 0) return { ok: () => true };
  return { ok: (o) => compiled.some((filters) => filters.every((f) => f(o))) };
}

function compileFilter(
  registry: PropertyRegistry,
  type: HubspotObjectType,
  filter: Filter,
): Compiled<Predicate> {
  const name = String(filter.propertyName ?? '');
  const property = registry.get(type, name);
  if (!property) return { problem: `Unknown property in filter: ${name}` };
  const kind =
    property.type === 'number' ? 'number' : property.type === 'datetime' ? 'datetime' : 'text';
  const parse = (raw: unknown): number | string | undefined => {
    if (raw === undefined || raw === null) return undefined;
    if (kind === 'number') return Number(raw);
    if (kind === 'datetime') return /^\d+$/.test(String(raw)) ? Number(raw) : Number.NaN;
    return String(raw).toLowerCase();
  };
  const read = (o: HubspotObject): number | string | undefined => {
    const raw = o.properties[name];
    if (raw === null || raw === undefined || raw === '') return undefined;
    if (kind === 'number') return Number(raw);
    if (kind === 'datetime') return Date.parse(raw);
    return raw.toLowerCase();
  };
  const value = parse(filter.value);
  const high = parse(filter.highValue);
  const values = Array.isArray(filter.values) ? filter.values.map(parse) : [];
  if ([value, high, ...values].some((v) => typeof v === 'number' && Number.isNaN(v)))
    return {
      problem: `${name} is a ${property.type}: filter values must be ${kind === 'datetime' ? 'epoch milliseconds' : 'numbers'}`,
    };
  const has = (o: HubspotObject) => read(o) !== undefined;
  const cmp = (test: (a: number | string, b: number | string) => boolean) => (o: HubspotObject) => {
    const a = read(o);
    return a !== undefined && value !== undefined && test(a, value);
  };
  switch (filter.operator) {
    case 'EQ':
      return { ok: cmp((a, b) => a === b) };
    case 'NEQ':
      return { ok: (o) => read(o) !== value };
    case 'LT':
      return { ok: cmp((a, b) => a < b) };
    case 'LTE':
      return { ok: cmp((a, b) => a <= b) };
    case 'GT':
      return { ok: cmp((a, b) => a > b) };
    case 'GTE':
      return { ok: cmp((a, b) => a >= b) };
    case 'BETWEEN':
      return {
        ok: (o) => {
          const a = read(o);
          return (
            a !== undefined && value !== undefined && high !== undefined && a >= value && a <= high
          );
        },
      };
    case 'IN':
      return { ok: (o) => has(o) && values.includes(read(o)) };
    case 'NOT_IN':
      return { ok: (o) => !values.includes(read(o)) };
    case 'HAS_PROPERTY':
      return { ok: has };
    case 'NOT_HAS_PROPERTY':
      return { ok: (o) => !has(o) };
    case 'CONTAINS_TOKEN':
      return { ok: (o) => containsToken(read(o), value) };
    case 'NOT_CONTAINS_TOKEN':
      return { ok: (o) => !containsToken(read(o), value) };
    default:
      return { problem: `Unknown operator: ${String(filter.operator)}` };
  }
}

/** A token (`*` a wildcard) among the words of a value. */
function containsToken(text: number | string | undefined, token: number | string | undefined) {
  if (text === undefined || token === undefined) return false;
  const pattern = new RegExp(
    `^${String(token)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  return String(text)
    .split(/[^\p{L}\p{N}@._-]+/u)
    .some((word) => pattern.test(word));
}

/** One sort rule (objects, or the spec's strings: 'name' / '-name'), as a comparator. */
export function compileSort(
  registry: PropertyRegistry,
  type: HubspotObjectType,
  sorts: unknown,
): Compiled<(a: HubspotObject, b: HubspotObject) => number> {
  const list = sorts === undefined ? [] : Array.isArray(sorts) ? sorts : [sorts];
  if (list.length > 1) return { problem: 'Only one sort rule can be applied' };
  const rule = list[0] as { propertyName?: string; direction?: string } | string | undefined;
  const name =
    typeof rule === 'string' ? rule.replace(/^-/, '') : (rule?.propertyName ?? 'createdate');
  const descending =
    typeof rule === 'string' ? rule.startsWith('-') : rule?.direction === 'DESCENDING';
  const property = registry.get(type, name);
  if (!property) return { problem: `Unknown property in sorts: ${name}` };
  const numeric = property.type === 'number';
  const byId = (a: HubspotObject, b: HubspotObject) => Number(a.id) - Number(b.id);
  return {
    ok: (a, b) => {
      const x = a.properties[name] ?? null;
      const y = b.properties[name] ?? null;
      if (x === y) return byId(a, b);
      if (x === null || x === '') return 1;
      if (y === null || y === '') return -1;
      // ISO dates with ms and Z sort as text
      const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      return (descending ? -order : order) || byId(a, b);
    },
  };
}

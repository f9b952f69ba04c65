/**
 * Runs a bound query over stored records: the WHERE filter, ORDER BY, OFFSET and LIMIT.
 * Text compares ignore case (as SOQL's = and LIKE do); ids compare on their 15-character
 * case-sensitive form, so a 15- or 18-character id matches; a comparison with a null field is
 * false except `= null` / `!= null`.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm
 */
import { parseDatetime } from '../datetime.ts';
import type { FieldDef } from '../schema.ts';
import type { SRecord } from '../store.ts';
import type { BoundCondition, BoundQuery, Value } from './bind.ts';
import { LIKE_ESCAPE } from './lexer.ts';

/** The record's value of a field in the comparable form of bound literals. */
function comparable(field: FieldDef, raw: SRecord[string] | undefined): Value {
  if (raw === undefined || raw === null) return null;
  if (field.type === 'datetime') return parseDatetime(String(raw)) ?? null;
  return raw;
}

function normalize(field: FieldDef, value: Value): Value {
  if (typeof value !== 'string') return value;
  if (field.type === 'id' || field.type === 'reference') return value.slice(0, 15);
  return value.toLowerCase();
}

/** -1, 0 or 1; undefined when either side is null. */
function compare(field: FieldDef, a: Value, b: Value): number | undefined {
  if (a === null || b === null) return undefined;
  const x = normalize(field, a) as string | number | boolean;
  const y = normalize(field, b) as string | number | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}

function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === LIKE_ESCAPE) {
      source += pattern[++i];
      continue;
    }
    source += c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

export function matches(condition: BoundCondition, record: SRecord): boolean {
  switch (condition.type) {
    case 'and':
      return condition.items.every((c) => matches(c, record));
    case 'or':
      return condition.items.some((c) => matches(c, record));
    case 'not':
      return !matches(condition.item, record);
    case 'compare': {
      const { field, op, value } = condition;
      const own = comparable(field, record[field.name]);
      if (value === null || own === null) {
        const same = value === own;
        return op === '=' ? same : op === '!=' ? !same : false;
      }
      const order = compare(field, own, value) as number;
      if (op === '=') return order === 0;
      if (op === '!=') return order !== 0;
      if (op === '<') return order < 0;
      if (op === '<=') return order <= 0;
      if (op === '>') return order > 0;
      return order >= 0;
    }
    case 'in': {
      const own = comparable(condition.field, record[condition.field.name]);
      const found = condition.values.some((v) =>
        v === null || own === null ? v === own : compare(condition.field, own, v) === 0,
      );
      return condition.negated ? !found : found;
    }
    case 'like': {
      const own = record[condition.field.name];
      return own !== null && own !== undefined && likeRegex(condition.pattern).test(String(own));
    }
  }
}

/** The records the query selects, filtered, sorted, offset and limited (not yet projected). */
export function runQuery(query: BoundQuery, records: SRecord[]): SRecord[] {
  const selected = query.where
    ? records.filter((r) => matches(query.where as BoundCondition, r))
    : [...records];
  if (query.orderBy.length > 0)
    selected.sort((r1, r2) => {
      for (const { field, descending, nullsLast } of query.orderBy) {
        const a = comparable(field, r1[field.name]);
        const b = comparable(field, r2[field.name]);
        if (a === null || b === null) {
          if (a === b) continue;
          return (a === null) === nullsLast ? 1 : -1;
        }
        const order = compare(field, a, b) as number;
        if (order !== 0) return descending ? -order : order;
      }
      return 0;
    });
  const from = query.offset ?? 0;
  return selected.slice(from, query.limit === undefined ? undefined : from + query.limit);
}

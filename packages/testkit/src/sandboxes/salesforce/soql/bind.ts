/**
 * Checks a parsed query against the sObject schema and turns its literals into comparable
 * values, with Salesforce's errors: INVALID_TYPE for an unknown object, INVALID_FIELD for an
 * unknown field, a literal of the wrong type (e.g. a quoted datetime) or a long text area in a
 * filter, INVALID_QUERY_FILTER_OPERATOR for a malformed id.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import { isDate, parseDatetime } from '../datetime.ts';
import { SalesforceFault } from '../errors.ts';
import { type FieldDef, findField, findSObject, kindOf, type SObjectDef } from '../schema.ts';
import type { Condition, Literal, Named, Operator, SoqlQuery } from './ast.ts';
import { LIKE_ESCAPE, malformed } from './lexer.ts';

/** A literal as a comparable value: text, epoch ms (datetime), 'YYYY-MM-DD' (date), number... */
export type Value = string | number | boolean | null;

export type BoundCondition =
  | { type: 'and' | 'or'; items: BoundCondition[] }
  | { type: 'not'; item: BoundCondition }
  | { type: 'compare'; field: FieldDef; op: Operator; value: Value }
  | { type: 'in'; field: FieldDef; negated: boolean; values: Value[] }
  | { type: 'like'; field: FieldDef; pattern: string };

export interface BoundQuery {
  object: SObjectDef;
  fields: FieldDef[];
  where?: BoundCondition;
  orderBy: { field: FieldDef; descending: boolean; nullsLast: boolean }[];
  limit?: number;
  offset?: number;
}

/** The SOAP type names Salesforce uses in filter errors. */
const TYPE_NAMES: Record<string, string> = {
  id: 'id',
  reference: 'id',
  datetime: 'dateTime',
  date: 'date',
  double: 'double',
  currency: 'double',
  percent: 'double',
  int: 'int',
  boolean: 'boolean',
};

export function bindQuery(query: string, parsed: SoqlQuery): BoundQuery {
  const object = findSObject(parsed.object.name);
  if (!object)
    throw new SalesforceFault(
      400,
      'INVALID_TYPE',
      caret(
        query,
        parsed.object.pos,
        `sObject type '${parsed.object.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      ),
    );
  const field = (named: Named): FieldDef => {
    const found = findField(object, named.name);
    if (found) return found;
    throw new SalesforceFault(
      400,
      'INVALID_FIELD',
      caret(
        query,
        named.pos,
        `No such column '${named.name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      ),
    );
  };
  // long text areas cannot be filtered or sorted on
  const usable = (named: Named, verb: 'filtered' | 'sorted'): FieldDef => {
    const def = field(named);
    if (def.type === 'textarea' && (def.length ?? 0) > 255)
      throw new SalesforceFault(
        400,
        'INVALID_FIELD',
        caret(query, named.pos, `field '${def.name}' can not be ${verb} in a query call`),
      );
    return def;
  };

  function condition(c: Condition): BoundCondition {
    switch (c.type) {
      case 'and':
      case 'or':
        return { type: c.type, items: c.items.map(condition) };
      case 'not':
        return { type: 'not', item: condition(c.item) };
      case 'compare': {
        const def = usable(c.field, 'filtered');
        return { type: 'compare', field: def, op: c.op, value: value(def, c.value, c.field.pos) };
      }
      case 'in': {
        const def = usable(c.field, 'filtered');
        return {
          type: 'in',
          field: def,
          negated: c.negated,
          values: c.values.map((v) => value(def, v, c.field.pos)),
        };
      }
      case 'like':
        return { type: 'like', field: usable(c.field, 'filtered'), pattern: c.pattern };
    }
  }

  return {
    object,
    fields: parsed.fields.map(field),
    ...(parsed.where ? { where: condition(parsed.where) } : {}),
    orderBy: parsed.orderBy.map((o) => ({ ...o, field: usable(o.field, 'sorted') })),
    ...(parsed.limit === undefined ? {} : { limit: parsed.limit }),
    ...(parsed.offset === undefined ? {} : { offset: parsed.offset }),
  };

  function value(def: FieldDef, literal: Literal, pos: number): Value {
    if (literal.kind === 'null') return null;
    const kind = kindOf(def.type);
    const typeName = TYPE_NAMES[def.type] ?? 'string';
    const wrongType = (): never => {
      const quoted =
        kind === 'text' ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
      throw new SalesforceFault(
        400,
        'INVALID_FIELD',
        `value of filter criterion for field '${def.name}' must be of type ${typeName} and ${quoted}`,
      );
    };
    switch (kind) {
      case 'text': {
        if (literal.kind !== 'string') return wrongType();
        if (literal.value.includes(LIKE_ESCAPE))
          throw malformed(
            query,
            pos,
            'Invalid string literal escape: \\% and \\_ work only in LIKE',
          );
        if (
          (def.type === 'id' || def.type === 'reference') &&
          !/^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/.test(literal.value)
        )
          throw new SalesforceFault(
            400,
            'INVALID_QUERY_FILTER_OPERATOR',
            `invalid ID field: ${literal.value}`,
          );
        return literal.value;
      }
      case 'datetime':
        return literal.kind === 'datetime' ? (parseDatetime(literal.text) as number) : wrongType();
      case 'date':
        if (literal.kind !== 'date') return wrongType();
        if (!isDate(literal.text)) throw malformed(query, pos, `invalid date: ${literal.text}`);
        return literal.text;
      case 'number':
        return literal.kind === 'number' ? literal.value : wrongType();
      case 'boolean':
        return literal.kind === 'boolean' ? literal.value : wrongType();
    }
  }
}

/** A message with the query and a caret, as Salesforce formats errors found at a position. */
function caret(query: string, pos: number, what: string): string {
  return malformed(query, pos, what).message;
}

/**
 * Odoo search domains: `[field, operator, value]` leaves combined in Polish (prefix) notation
 * with '&', '|' and '!', consecutive terms ANDed. Compiled to a predicate over stored rows, with
 * SQL's treatment of empty values (NULL): comparisons never match them, while '!=', 'not in'
 * and the negative likes do (Odoo adds "OR field IS NULL" to those).
 *
 * Sources: ORM reference, Search domains
 * https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html
 * and odoo/osv/expression.py; docs/vendor-apis.md section 4.3.
 */
import { isEmpty } from './fields.ts';
import { valueError } from './odoo-error.ts';

export type Predicate<R> = (row: R) => boolean;

/** How the domain reads a row: the value of a (possibly dotted) field path, or undefined when unknown. */
export interface DomainTarget<R> {
  /** Resolves 'partner_id.email' to a getter, or returns undefined for an unknown field. */
  getter(path: string): ((row: R) => { value: unknown; type: string }) | undefined;
}

const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  '>',
  '>=',
  '<',
  '<=',
  '=?',
  'in',
  'not in',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
]);

/** Compiles a domain (any JSON value from the caller) into a predicate; ValueError when malformed. */
export function compileDomain<R>(
  domain: unknown,
  target: DomainTarget<R>,
  model: string,
): Predicate<R> {
  if (domain === false || domain === null || domain === undefined) return () => true;
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  let position = 0;
  const parse = (): Predicate<R> => {
    if (position >= domain.length)
      throw valueError(`Domain ${JSON.stringify(domain)} is syntactically not correct.`);
    const term = domain[position++];
    if (term === '&' || term === '|') {
      const left = parse();
      const right = parse();
      return term === '&' ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
    }
    if (term === '!') {
      const inner = parse();
      return (r) => !inner(r);
    }
    return leaf(term, target, model);
  };
  const terms: Predicate<R>[] = [];
  while (position < domain.length) terms.push(parse());
  return (row) => terms.every((term) => term(row));
}

function leaf<R>(term: unknown, target: DomainTarget<R>, model: string): Predicate<R> {
  if (!Array.isArray(term) || term.length !== 3)
    throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
  const [path, operator, value] = term as [unknown, unknown, unknown];
  // TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1), which Odoo itself writes into domains.
  if (typeof path === 'number') return () => (path === 1) === (value === 1);
  if (typeof path !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator))
    throw valueError(`Invalid leaf ${JSON.stringify(term)}`);
  const get = target.getter(path);
  if (!get) throw valueError(`Invalid field ${model}.${path} in leaf ${JSON.stringify(term)}`);
  if ((operator === 'in' || operator === 'not in') && !Array.isArray(value))
    throw valueError(`Invalid leaf ${JSON.stringify(term)}: '${operator}' needs a list`);
  const test = comparison(operator, value);
  return (row) => {
    const { value: actual, type } = get(row);
    return test(actual, type);
  };
}

type Test = (actual: unknown, type: string) => boolean;

function comparison(operator: string, value: unknown): Test {
  switch (operator) {
    case '=':
      return (a, type) => equals(a, value, type);
    case '=?':
      return isEmpty(value) ? () => true : (a, type) => equals(a, value, type);
    case '!=':
    case '<>':
      return (a, type) => !equals(a, value, type);
    case 'in':
      return (a, type) => (value as unknown[]).some((v) => equals(a, v, type));
    case 'not in':
      return (a, type) => !(value as unknown[]).some((v) => equals(a, v, type));
    case '>':
    case '>=':
    case '<':
    case '<=':
      return (a, type) => {
        if (isEmpty(a) && type !== 'boolean') return false;
        const order = compare(a, value);
        if (order === undefined) return false;
        return operator === '>'
          ? order > 0
          : operator === '>='
            ? order >= 0
            : operator === '<'
              ? order < 0
              : order <= 0;
      };
    default: {
      const negative = operator.startsWith('not ');
      const pattern = likePattern(operator.replace('not ', ''), value);
      return (a, type) => {
        const text = textOf(a, type);
        if (text === undefined) return negative;
        return pattern.test(text) !== negative;
      };
    }
  }
}

/** '=' in Odoo: `false` matches empty values; a string on a many2one compares its display name. */
function equals(actual: unknown, expected: unknown, type: string): boolean {
  if (isEmpty(expected)) return isEmpty(actual) || (type === 'boolean' && actual === false);
  if (isEmpty(actual)) return type === 'boolean' && expected === false;
  if (type === 'many2one' && typeof expected === 'string')
    return (actual as [number, string])[1] === expected;
  const value = type === 'many2one' ? (actual as [number, string])[0] : actual;
  return value === expected;
}

function compare(actual: unknown, expected: unknown): number | undefined {
  const a = Array.isArray(actual) ? actual[0] : actual;
  if (typeof a === 'number' && typeof expected === 'number') return a - expected;
  if (typeof a === 'string' && typeof expected === 'string')
    return a < expected ? -1 : a > expected ? 1 : 0;
  if (typeof a === 'boolean' && typeof expected === 'boolean') return Number(a) - Number(expected);
  return undefined;
}

function textOf(actual: unknown, type: string): string | undefined {
  if (isEmpty(actual)) return undefined;
  if (type === 'many2one') return (actual as [number, string])[1];
  return String(actual);
}

/** like/ilike wrap the value in '%...%'; =like/=ilike use it as an SQL pattern ('%', '_'). */
function likePattern(operator: string, value: unknown): RegExp {
  const text = String(value ?? '');
  const raw = operator.startsWith('=');
  const body = [...text]
    .map((c) =>
      raw && c === '%' ? '.*' : raw && c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const source = raw ? `^${body}$` : body;
  return new RegExp(source, operator.endsWith('ilike') ? 'isu' : 'su');
}

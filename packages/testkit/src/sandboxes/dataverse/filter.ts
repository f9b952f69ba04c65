/**
 * The `$filter` subset the sandbox understands, compiled to a row predicate: comparisons
 * `eq ne gt ge lt le` of a column with a literal, `and`, `or`, `not`, parentheses, and
 * `contains`/`startswith`/`endswith`. Literals are typed as OData types them: quoted strings,
 * unquoted datetimes (`modifiedon ge 2024-01-01T00:00:00Z`), GUIDs, numbers, true/false/null;
 * comparing a column with a literal of another type is refused, as the Web API refuses a quoted
 * datetime. Strings compare case-insensitively (Dataverse's SQL collation).
 *
 * Source: https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows
 */
import { syntaxError, type Token, tokenize } from './filter-lexer.ts';
import { CODES, ODataError } from './odata.ts';
import { type Cell, type ColumnType, GUID, type Row, type TableDef, typeName } from './tables.ts';

export type Predicate = (row: Row) => boolean;

type Literal = { type: ColumnType | 'null' | 'boolean'; value: Cell | boolean; edm: string };

const OPERATORS: Record<string, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};
const FUNCTIONS = ['contains', 'startswith', 'endswith'];
const EDM: Record<ColumnType, string> = {
  guid: 'Edm.Guid',
  string: 'Edm.String',
  datetime: 'Edm.DateTimeOffset',
  integer: 'Edm.Int32',
  decimal: 'Edm.Decimal',
};
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function unknownProperty(table: TableDef, name: string): ODataError {
  return new ODataError(
    400,
    CODES.badRequest,
    `Could not find a property named '${name}' on type '${typeName(table)}'.`,
  );
}

export function compileFilter(text: string, table: TableDef): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const word = (t: Token | undefined) => (t?.kind === 'word' ? t.value : undefined);
  const fail = (t: Token | undefined): never => {
    throw syntaxError(text, t?.at ?? text.length);
  };
  const expect = (kind: Token['kind']) => {
    const t = tokens[pos];
    if (t?.kind !== kind) fail(t);
    pos += 1;
    return t as Token;
  };
  const column = (): [string, ColumnType] => {
    const name = word(tokens[pos]);
    if (name === undefined) return fail(tokens[pos]);
    pos += 1;
    const type = table.columns[name];
    if (!type) throw unknownProperty(table, name);
    return [name, type];
  };

  const or = (): Predicate => {
    let left = and();
    while (word(peek()) === 'or') {
      pos += 1;
      const [a, b] = [left, and()];
      left = (row) => a(row) || b(row);
    }
    return left;
  };
  const and = (): Predicate => {
    let left = unary();
    while (word(peek()) === 'and') {
      pos += 1;
      const [a, b] = [left, unary()];
      left = (row) => a(row) && b(row);
    }
    return left;
  };
  const unary = (): Predicate => {
    if (word(peek()) === 'not') {
      pos += 1;
      const inner = unary();
      return (row) => !inner(row);
    }
    if (peek()?.kind === '(') {
      pos += 1;
      const inner = or();
      expect(')');
      return inner;
    }
    const name = word(peek());
    if (name && FUNCTIONS.includes(name) && tokens[pos + 1]?.kind === '(') {
      pos += 2;
      const [col] = column();
      expect(',');
      const arg = expect('string') as Extract<Token, { kind: 'string' }>;
      expect(')');
      return textFunction(name, col, arg.value.toLowerCase());
    }
    const [col, type] = column();
    const op = word(peek());
    if (!op || !OPERATORS[op]) return fail(peek());
    pos += 1;
    const literal = parseLiteral(tokens[pos], text);
    pos += 1;
    return comparison(col, type, op, literal);
  };

  const predicate = or();
  if (pos < tokens.length) fail(tokens[pos]);
  return predicate;
}

function textFunction(name: string, column: string, arg: string): Predicate {
  return (row) => {
    const value = row[column];
    if (typeof value !== 'string') return false;
    const v = value.toLowerCase();
    return name === 'contains'
      ? v.includes(arg)
      : name === 'startswith'
        ? v.startsWith(arg)
        : v.endsWith(arg);
  };
}

function parseLiteral(token: Token | undefined, text: string): Literal {
  if (token?.kind === 'string') return { type: 'string', value: token.value, edm: 'Edm.String' };
  if (token?.kind !== 'word') throw syntaxError(text, token?.at ?? text.length);
  const v = token.value;
  if (v === 'null') return { type: 'null', value: null, edm: 'null' };
  if (v === 'true' || v === 'false')
    return { type: 'boolean', value: v === 'true', edm: 'Edm.Boolean' };
  if (GUID.test(v)) return { type: 'guid', value: v.toLowerCase(), edm: 'Edm.Guid' };
  if (DATETIME.test(v) && !Number.isNaN(Date.parse(v)))
    return { type: 'datetime', value: v, edm: 'Edm.DateTimeOffset' };
  if (/^-?\d+$/.test(v)) return { type: 'integer', value: Number(v), edm: 'Edm.Int32' };
  if (/^-?\d+\.\d+m?$/i.test(v))
    return { type: 'decimal', value: Number.parseFloat(v), edm: 'Edm.Decimal' };
  throw syntaxError(text, token.at);
}

function comparison(column: string, type: ColumnType, op: string, literal: Literal): Predicate {
  const numeric = (t: string) => t === 'integer' || t === 'decimal';
  const compatible =
    literal.type === 'null' || literal.type === type || (numeric(type) && numeric(literal.type));
  if (!compatible)
    throw new ODataError(
      400,
      CODES.badRequest,
      `A binary operator with incompatible types was detected. Found operand types '${EDM[type]}' and '${literal.edm}' for operator kind '${OPERATORS[op]}'.`,
    );
  const key = (value: Cell): number | string =>
    type === 'datetime'
      ? Date.parse(String(value))
      : typeof value === 'string'
        ? value.toLowerCase()
        : (value as number);
  const right = literal.value === null ? null : key(literal.value as Cell);
  return (row) => {
    const cell = row[column] ?? null;
    // SQL semantics: null equals only null, and is neither greater nor smaller than anything
    if (cell === null || right === null) {
      if (op === 'eq') return cell === null && right === null;
      if (op === 'ne') return (cell === null) !== (right === null);
      return false;
    }
    const left = key(cell);
    switch (op) {
      case 'eq':
        return left === right;
      case 'ne':
        return left !== right;
      case 'gt':
        return left > right;
      case 'ge':
        return left >= right;
      case 'lt':
        return left < right;
      default:
        return left <= right;
    }
  };
}

/**
 * A recursive-descent parser for the SOQL subset of the sandbox:
 *   SELECT f[, f...] FROM Object [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...]
 *   [LIMIT n] [OFFSET n]
 * with comparisons (= != <> < <= > >=), [NOT] IN (...), LIKE, NOT, parentheses, and AND/OR,
 * which SOQL does not let mix on one level without parentheses.
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_conditionexpression.htm
 */
import type { Condition, Literal, Named, Operator, OrderItem, SoqlQuery } from './ast.ts';
import { malformed, type Token, tokenize } from './lexer.ts';

export function parseSoql(query: string): SoqlQuery {
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at] as Token;
  const next = () => tokens[at++] as Token;
  const fail = (token: Token): never => {
    throw malformed(query, token.pos, `unexpected token: ${token.text}`);
  };
  const isWord = (word: string, token = peek()) =>
    token.type === 'name' && token.text.toUpperCase() === word;
  const word = (w: string) => (isWord(w) ? next() : fail(peek()));
  const accept = (w: string) => (isWord(w) ? next() : undefined);
  const punct = (p: string) => (peek().text === p ? next() : fail(peek()));
  const name = (): Named => {
    const token = next();
    if (token.type !== 'name') fail(token);
    return { name: token.text, pos: token.pos };
  };
  const count = (): number => {
    const token = next();
    if (token.type !== 'number' || !/^\d+$/.test(token.text)) fail(token);
    return Number(token.text);
  };

  function literal(): Literal {
    const token = next();
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'datetime':
      case 'date':
        return { kind: token.type, text: token.text };
      case 'name': {
        const upper = token.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE')
          return { kind: 'boolean', value: upper === 'TRUE' };
        if (upper === 'NULL') return { kind: 'null' };
        return fail(token);
      }
      default:
        return fail(token);
    }
  }

  function comparison(): Condition {
    const field = name();
    const negated = accept('NOT') !== undefined;
    if (accept('IN')) {
      punct('(');
      const values = [literal()];
      while (peek().text === ',') {
        next();
        values.push(literal());
      }
      punct(')');
      return { type: 'in', field, negated, values };
    }
    if (negated) fail(peek());
    if (accept('LIKE')) {
      const token = next();
      if (token.type !== 'string') fail(token);
      return { type: 'like', field, pattern: token.text };
    }
    const op = next();
    if (op.type !== 'op') fail(op);
    return {
      type: 'compare',
      field,
      op: (op.text === '<>' ? '!=' : op.text) as Operator,
      value: literal(),
    };
  }

  function unary(): Condition {
    if (accept('NOT')) return { type: 'not', item: unary() };
    if (peek().text === '(') {
      next();
      const inner = condition();
      punct(')');
      return inner;
    }
    return comparison();
  }

  function condition(): Condition {
    const items = [unary()];
    let joiner: 'AND' | 'OR' | undefined;
    while (isWord('AND') || isWord('OR')) {
      const token = next();
      const upper = token.text.toUpperCase() as 'AND' | 'OR';
      if (joiner && joiner !== upper) fail(token);
      joiner = upper;
      items.push(unary());
    }
    if (items.length === 1) return items[0] as Condition;
    return { type: joiner === 'OR' ? 'or' : 'and', items };
  }

  function orderItem(): OrderItem {
    const field = name();
    const descending = accept('DESC') !== undefined;
    if (!descending) accept('ASC');
    // ascending puts nulls first, descending puts them last, unless NULLS says otherwise
    let nullsLast = descending;
    if (accept('NULLS')) {
      if (accept('LAST')) nullsLast = true;
      else {
        word('FIRST');
        nullsLast = false;
      }
    }
    return { field, descending, nullsLast };
  }

  word('SELECT');
  const fields = [name()];
  while (peek().text === ',') {
    next();
    fields.push(name());
  }
  word('FROM');
  const parsed: SoqlQuery = { fields, object: name(), orderBy: [] };
  if (accept('WHERE')) parsed.where = condition();
  if (accept('ORDER')) {
    word('BY');
    parsed.orderBy.push(orderItem());
    while (peek().text === ',') {
      next();
      parsed.orderBy.push(orderItem());
    }
  }
  if (accept('LIMIT')) parsed.limit = count();
  if (accept('OFFSET')) parsed.offset = count();
  if (peek().type !== 'end') fail(peek());
  return parsed;
}

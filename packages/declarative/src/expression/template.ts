import { engineErrors } from '../errors.ts';
import {
  compileExpression,
  type Expression,
  type MaybePromise,
  type SourceRef,
} from './expression.ts';

/**
 * A compiled template: a string whose `{{ expression }}` parts are evaluated against a context.
 * A template that is one expression and nothing else keeps the expression's type (a number stays
 * a number); text around expressions makes a string. A string without `{{` is a constant.
 */
export interface Template {
  readonly source: string;
  readonly constant: boolean;
  render(context: object): MaybePromise<unknown>;
}

type Part = string | Expression;

export function compileTemplate(source: string, where: SourceRef = {}): Template {
  const parts = parseParts(source, where);
  if (parts.length === 1 && typeof parts[0] !== 'string') {
    const expression = parts[0] as Expression;
    return { source, constant: false, render: (context) => expression.evaluate(context) };
  }
  if (parts.every((p) => typeof p === 'string')) {
    const text = parts.join('');
    return { source, constant: true, render: () => text };
  }
  return {
    source,
    constant: false,
    render(context) {
      const values = parts.map((p) => (typeof p === 'string' ? p : p.evaluate(context)));
      if (values.some((v) => v instanceof Promise)) return Promise.all(values).then(join);
      return join(values);
    },
  };
}

function join(values: unknown[]): string {
  return values
    .map((v) =>
      v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
    )
    .join('');
}

/** Splits text into literal strings and `{{ }}` expressions, allowing braces inside expressions. */
function parseParts(source: string, where: SourceRef): Part[] {
  const parts: Part[] = [];
  let i = 0;
  let literal = '';
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open === -1) {
      literal += source.slice(i);
      break;
    }
    literal += source.slice(i, open);
    const close = findClose(source, open + 2);
    if (close === -1) {
      throw engineErrors.create(
        'FERRY_EXPRESSION_SYNTAX',
        `template ${JSON.stringify(source)} has '{{' without a matching '}}'`,
        { ...where },
      );
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push(compileExpression(source.slice(open + 2, close), where));
    i = close + 2;
  }
  if (literal || parts.length === 0) parts.push(literal);
  return parts;
}

function findClose(source: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if (c === '}') {
      if (depth === 0 && source[i + 1] === '}') return i;
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/**
 * Compiles every string inside a JSON value (a request body, a map of headers) as a template;
 * `render` rebuilds the value with each template rendered.
 */
export function compileValue(
  value: unknown,
  where: SourceRef = {},
): (context: object) => Promise<unknown> {
  if (typeof value === 'string') {
    const template = compileTemplate(value, where);
    return async (context) => template.render(context);
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) =>
      compileValue(v, { ...where, path: `${where.path ?? '$'}[${i}]` }),
    );
    return async (context) => Promise.all(items.map((item) => item(context)));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => [k, compileValue(v, { ...where, path: `${where.path ?? '$'}.${k}` })] as const,
    );
    return async (context) => {
      const out: Record<string, unknown> = {};
      for (const [k, render] of entries) out[k] = await render(context);
      return out;
    };
  }
  return async () => value;
}

import jsonata from 'jsonata';
import { engineErrors } from '../errors.ts';

/** A value, or a promise of one: simple paths evaluate synchronously. */
export type MaybePromise<T> = T | Promise<T>;

/** Where an expression came from, for error messages: the manifest file and JSON path. */
export interface SourceRef {
  file?: string;
  path?: string;
}

/** A compiled expression over a context object (config, state, response, record, ...). */
export interface Expression {
  readonly source: string;
  /** True when the expression is a plain field path compiled to property access. */
  readonly isPath: boolean;
  evaluate(context: object): MaybePromise<unknown>;
}

const IDENT = '[A-Za-z_$][A-Za-z0-9_$]*';
const SEGMENT = `(?:${IDENT}|\`[^\`]+\`)`;
const PATH = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);

/**
 * Compiles a JSONata expression. A plain field path (`config.baseUrl`, `record.\`first-name\``)
 * becomes direct property access, so mappings and templates that only copy fields cost nothing
 * on the hot path; anything else runs through JSONata, which keeps types and runs no
 * arbitrary code.
 */
export function compileExpression(source: string, where: SourceRef = {}): Expression {
  const trimmed = source.trim();
  let full: jsonata.Expression;
  try {
    full = jsonata(trimmed);
  } catch (error) {
    const e = error as { message: string; position?: number; token?: string };
    throw engineErrors.create(
      'FERRY_EXPRESSION_SYNTAX',
      `expression ${JSON.stringify(trimmed)} does not parse: ${e.message}${e.position === undefined ? '' : ` (at character ${e.position})`}`,
      { ...where },
    );
  }
  const run = async (context: object): Promise<unknown> => {
    try {
      return normalize(await full.evaluate(context));
    } catch (error) {
      throw engineErrors.create(
        'FERRY_EXPRESSION_FAILED',
        `expression ${JSON.stringify(trimmed)} failed: ${(error as Error).message}`,
        { ...where, cause: error },
      );
    }
  };
  if (!PATH.test(trimmed)) return { source: trimmed, isPath: false, evaluate: run };
  const keys = splitPath(trimmed);
  if (keys.length === 1) {
    const key = keys[0] as string;
    return {
      source: trimmed,
      isPath: true,
      evaluate: (context) => (context as Record<string, unknown>)[key],
    };
  }
  return {
    source: trimmed,
    isPath: true,
    evaluate(context) {
      let value: unknown = context;
      for (const key of keys) {
        if (value === null || value === undefined) return undefined;
        // JSONata maps a path over arrays; leave that rare case to JSONata itself.
        if (Array.isArray(value)) return run(context);
        value = (value as Record<string, unknown>)[key];
      }
      return value;
    },
  };
}

/** `a.\`b-c\`.d` -> ['a', 'b-c', 'd']. */
export function splitPath(path: string): string[] {
  const keys: string[] = [];
  for (const match of path.matchAll(/`([^`]+)`|([^.`]+)/g))
    keys.push((match[1] ?? match[2]) as string);
  return keys;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** JSONata marks result sequences with extra properties, at any depth; hand back plain JSON values. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
    return out;
  }
  return value;
}

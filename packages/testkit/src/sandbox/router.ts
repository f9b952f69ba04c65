import { sandboxErrors } from './errors.ts';

/** A route pattern compiled to a regular expression and its parameter names. */
export interface CompiledPattern {
  regex: RegExp;
  names: string[];
}

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Compiles a path pattern: literal text, and `:name` parameters that each match one or more
 * characters other than '/' (as few as possible, so `/accounts(:id)` works); a ':' not followed
 * by a name is literal text. A trailing '/' on the request path is ignored.
 */
export function compilePattern(pattern: string): CompiledPattern {
  if (!pattern.startsWith('/'))
    throw sandboxErrors.create(
      'FERRY_SANDBOX_ROUTE_INVALID',
      `route path '${pattern}' does not start with '/'`,
    );
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(PARAM)) {
    const name = match[1] as string;
    if (names.includes(name))
      throw sandboxErrors.create(
        'FERRY_SANDBOX_ROUTE_INVALID',
        `route path '${pattern}' uses the parameter ':${name}' twice`,
      );
    names.push(name);
    source += `${escapeRegex(pattern.slice(last, match.index))}([^/]+?)`;
    last = match.index + match[0].length;
  }
  source += escapeRegex(pattern.slice(last).replace(/\/$/, ''));
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** The parameters of a path that matches the pattern (URL-decoded), or undefined. */
export function matchPattern(
  compiled: CompiledPattern,
  path: string,
): Record<string, string> | undefined {
  const match = compiled.regex.exec(path);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  compiled.names.forEach((name, i) => {
    params[name] = safeDecode(match[i + 1] as string);
  });
  return params;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The first route whose pattern and method match (method '*' matches any), with its
 * parameters; `methodNotAllowed` when only the path of some route matched.
 */
export function findRoute<R extends { method: string; pattern: CompiledPattern }>(
  routes: R[],
  method: string,
  path: string,
): { route?: R; params: Record<string, string>; methodNotAllowed: boolean } {
  let methodNotAllowed = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === '*' || route.method === method) return { route, params, methodNotAllowed };
    methodNotAllowed = true;
  }
  return { params: {}, methodNotAllowed };
}

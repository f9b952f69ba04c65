import type { Inject } from '@ferry/manifest';
import type { HttpRequest, QueryValue } from '@ferry/sdk';

/** A copy of the request with `value` placed where `inject` says (query by default). */
export function inject(request: HttpRequest, where: Inject, value: unknown): HttpRequest {
  if (value === undefined || value === null || value === '') return request;
  const name = where.name ?? String(where.path?.[0]);
  switch (where.in ?? 'query') {
    case 'header':
      return { ...request, headers: { ...request.headers, [name]: String(value) } };
    case 'body':
      if (request.form) return { ...request, form: { ...request.form, [name]: value as string } };
      return { ...request, json: setAt(request.json, where.path ?? [name], value) };
    default:
      return { ...request, query: { ...request.query, [name]: value as QueryValue } };
  }
}

/**
 * A copy of `target` with `value` at `path` (keys and array indexes), copying only the objects
 * and arrays on the path, so the template's rendered body is never changed in place. Missing
 * steps are created: an object, or an array when the next step is an index.
 */
export function setAt(
  target: unknown,
  path: readonly (string | number)[],
  value: unknown,
): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return value;
  if (Array.isArray(target) || (target === undefined && typeof step === 'number')) {
    const copy = Array.isArray(target) ? [...target] : [];
    const index = Number(step);
    copy[index] = setAt(copy[index], rest, value);
    return copy;
  }
  const object = (target !== null && typeof target === 'object' ? target : {}) as Record<
    string,
    unknown
  >;
  return { ...object, [step]: setAt(object[step], rest, value) };
}

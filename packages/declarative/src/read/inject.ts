import type { Inject } from '@ferry/manifest';
import type { HttpRequest, QueryValue } from '@ferry/sdk';

/** A copy of the request with `value` placed where `inject` says (query by default). */
export function inject(request: HttpRequest, where: Inject, value: unknown): HttpRequest {
  if (value === undefined || value === null || value === '') return request;
  switch (where.in ?? 'query') {
    case 'header':
      return { ...request, headers: { ...request.headers, [where.name]: String(value) } };
    case 'body':
      if (request.form)
        return { ...request, form: { ...request.form, [where.name]: value as string } };
      return { ...request, json: { ...(request.json as object | undefined), [where.name]: value } };
    default:
      return { ...request, query: { ...request.query, [where.name]: value as QueryValue } };
  }
}

import type { Inject, Pagination } from '@ferry/manifest';
import type { HttpRequest, HttpResponse, JsonObject } from '@ferry/sdk';
import { engineErrors } from '../errors.ts';
import type { SourceRef } from '../expression/expression.ts';
import { compileTemplate } from '../expression/template.ts';
import { inject } from './inject.ts';

/** What a paginator sees of a page. */
export interface Page {
  response: HttpResponse;
  body: unknown;
  records: JsonObject[];
  /** The template context of the request that fetched the page. */
  context: object;
}

/** Turns the first request into the first page's request, and each page into the next request. */
export interface Paginator {
  first(request: HttpRequest): HttpRequest;
  next(request: HttpRequest, page: Page): Promise<HttpRequest | undefined>;
  /** True when the read should start again from the first page (`restart`, capped searches). */
  restarts(page: Page): Promise<boolean>;
}

export function createPaginator(pagination: Pagination | undefined, where: SourceRef): Paginator {
  const spec = (pagination ?? { type: 'none' }) as Pagination & Record<string, unknown>;
  const stop =
    typeof spec.stop === 'string'
      ? compileTemplate(spec.stop, { ...where, path: `${where.path}.stop` })
      : undefined;
  const pageSize = spec.pageSize as number | undefined;
  const sized = (request: HttpRequest) =>
    spec.pageSizeInject && pageSize
      ? inject(request, spec.pageSizeInject as Inject, pageSize)
      : request;
  const short = (page: Page) =>
    page.records.length === 0 || (pageSize !== undefined && page.records.length < pageSize);
  const pageContext = (page: Page) => ({
    ...page.context,
    response: page.body,
    headers: page.response.headers,
    records: page.records,
  });
  let previous: unknown;
  const guard = (next: unknown) => {
    if (next !== undefined && next === previous) {
      throw engineErrors.create(
        'FERRY_PAGINATION_LOOP',
        `the API returned the same next page twice (${String(next)})`,
        { ...where },
      );
    }
    previous = next;
  };
  const stopped = async (page: Page) =>
    stop ? Boolean(await stop.render(pageContext(page))) : false;
  const restart =
    typeof spec.restart === 'string'
      ? compileTemplate(spec.restart, { ...where, path: `${where.path}.restart` })
      : undefined;
  const restarts = async (page: Page) =>
    restart && !page.response.ignored ? Boolean(await restart.render(pageContext(page))) : false;

  switch (spec.type) {
    case 'cursor': {
      const cursor = compileTemplate(spec.cursor as string, {
        ...where,
        path: `${where.path}.cursor`,
      });
      return {
        first(request) {
          previous = undefined;
          return sized(request);
        },
        restarts,
        async next(request, page) {
          if (await stopped(page)) return undefined;
          const value = await cursor.render(pageContext(page));
          if (value === undefined || value === null || value === '' || page.response.ignored)
            return undefined;
          guard(value);
          return inject(request, spec.inject as Inject, value);
        },
      };
    }
    case 'next-url':
    case 'link-header': {
      const url =
        spec.type === 'next-url'
          ? compileTemplate(spec.url as string, { ...where, path: `${where.path}.url` })
          : undefined;
      const rel = (spec.rel as string | undefined) ?? 'next';
      return {
        first: sized,
        restarts: async () => false,
        async next(request, page) {
          if (await stopped(page)) return undefined;
          const raw = url
            ? await url.render(pageContext(page))
            : linkTarget(page.response.headers.link, rel);
          if (typeof raw !== 'string' || raw === '') return undefined;
          const next = new URL(raw, page.response.url).toString();
          guard(next);
          const { query: _dropped, ...rest } = request;
          return { ...rest, url: next };
        },
      };
    }
    case 'page':
    case 'offset': {
      const step = spec.type === 'page' ? 1 : (pageSize ?? 0);
      const start = spec.type === 'page' ? ((spec.start as number | undefined) ?? 1) : 0;
      let position = start;
      return {
        first(request) {
          position = start;
          return inject(sized(request), spec.inject as Inject, position);
        },
        restarts: async () => false,
        async next(request, page) {
          if (short(page) || (await stopped(page))) return undefined;
          position += step;
          return inject(request, spec.inject as Inject, position);
        },
      };
    }
    default:
      return {
        first: (request) => request,
        next: async () => undefined,
        restarts: async () => false,
      };
  }
}

/** The target of the RFC 8288 Link header entry with the given rel, if any. */
export function linkTarget(header: string | undefined, rel: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1]?.split(/\s+/) ?? [];
    if (rels.includes(rel)) return match[1];
  }
  return undefined;
}

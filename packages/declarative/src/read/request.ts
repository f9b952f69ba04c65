import type { Request } from '@ferry/manifest';
import type { HttpRequest, QueryValue } from '@ferry/sdk';
import type { SourceRef } from '../expression/expression.ts';
import { compileTemplate, compileValue, type Template } from '../expression/template.ts';

/** A manifest Request with every template compiled; `render` makes the HttpRequest for a context. */
export interface CompiledRequest {
  render(context: object): Promise<HttpRequest>;
}

export function compileRequest(request: Request, where: SourceRef): CompiledRequest {
  const at = (key: string): SourceRef => ({ ...where, path: `${where.path}.${key}` });
  const url = compileTemplate(request.url ?? request.path ?? '', at(request.url ? 'url' : 'path'));
  const query = compileMap(request.query, at('query'));
  const headers = compileMap(request.headers, at('headers'));
  const json =
    request.body && 'json' in request.body
      ? compileValue(request.body.json, at('body.json'))
      : undefined;
  const form = compileMap(request.body?.form, at('body.form'));
  const method = request.method ?? (json || form ? 'POST' : 'GET');
  return {
    async render(context) {
      const out: HttpRequest = { method, url: String((await url.render(context)) ?? '') };
      if (query) out.query = (await renderMap(query, context)) as Record<string, QueryValue>;
      if (headers) out.headers = stringMap(await renderMap(headers, context));
      if (json) out.json = await json(context);
      if (form) out.form = stringMap(await renderMap(form, context));
      return out;
    },
  };
}

type CompiledMap = [string, Template][];

export function compileMap(
  map: Record<string, unknown> | undefined,
  where: SourceRef,
): CompiledMap | undefined {
  if (!map) return undefined;
  return Object.entries(map).map(([k, v]) => [
    k,
    typeof v === 'string'
      ? compileTemplate(v, { ...where, path: `${where.path}.${k}` })
      : { source: String(v), constant: true, render: () => v },
  ]);
}

export async function renderMap(
  map: CompiledMap,
  context: object,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, template] of map)
    out[k] = template.constant ? template.render(context) : await template.render(context);
  return out;
}

function stringMap(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  return out;
}

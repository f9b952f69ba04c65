import type { SeenRequest } from '@ferry/declarative/testing';
import type { SandboxContext } from './types.ts';

/** The context a route handler gets for one request. */
export function createContext(
  request: SeenRequest,
  index: number,
  tools: {
    random: () => number;
    rejects: (record: unknown, ctx: SandboxContext) => string | undefined;
  },
): SandboxContext {
  const ctx: SandboxContext = {
    method: request.method,
    path: request.path,
    params: {},
    query: request.query,
    headers: request.headers,
    body: parseJson(request.body),
    text: request.body,
    form: () => new URLSearchParams(request.body),
    index,
    json: (body, status = 200, headers = {}) => ({ status, json: body, headers }),
    rejects: (record) => tools.rejects(record, ctx),
    random: tools.random,
  };
  return ctx;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The Web API's answer shapes: `{ error: { code, message } }` bodies, the OData headers every
 * response carries, and the absolute URLs of `@odata.context`, links and entity ids.
 *
 * Sources:
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors
 * - https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results
 */
import type { Reply } from '@ferry/declarative/testing';
import type { SandboxContext } from '../../sandbox/types.ts';

export const API_PATH = '/api/data/v9.2';

/** Headers on every Web API answer. */
export const ODATA_HEADERS: Record<string, string> = { 'odata-version': '4.0' };

/** Error codes the sandbox uses (hex, as Dataverse writes them; often empty per the docs). */
export const CODES = {
  /** OData URL or payload the service cannot parse (field: seen in answers quoted by users). */
  badRequest: '0x80060888',
  /** Unknown entity set. */
  segmentNotFound: '0x8006088a',
  /** A plug-in or validation refused the record (IsvAborted). */
  refused: '0x80040265',
  /** DuplicateRecordEntityKey: an alternate key value already taken. */
  duplicateKey: '0x80040237',
  /** ConcurrencyVersionMismatch (unverified: the docs name it, not its number). */
  versionMismatch: '0x80060882',
  generic: '0x80040216',
} as const;

/** Thrown by the query and write code; the route turns it into a Dataverse error answer. */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorReply(status: number, code: string, message: string): Reply {
  return {
    status,
    json: { error: { code, message } },
    headers: { ...ODATA_HEADERS },
  };
}

/** Runs a route body; an ODataError becomes the Dataverse error answer. */
export async function answering(run: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ODataError) return errorReply(error.status, error.code, error.message);
    throw error;
  }
}

/** A JSON answer with the OData headers (and `odata.metadata=minimal`, as Dataverse sends). */
export function odataJson(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    json: body,
    headers: {
      ...ODATA_HEADERS,
      'content-type': 'application/json; odata.metadata=minimal',
      ...headers,
    },
  };
}

/** The environment URL as the client reached it (`http://127.0.0.1:<port>`): links are absolute. */
export function origin(ctx: SandboxContext): string {
  return `http://${ctx.headers.host ?? '127.0.0.1'}`;
}

export const serviceRoot = (ctx: SandboxContext) => `${origin(ctx)}${API_PATH}`;

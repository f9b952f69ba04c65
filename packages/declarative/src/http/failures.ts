import { STATUS_CODES } from 'node:http';
import type { FerryError } from '@ferry/manifest';
import { engineErrors } from '../errors.ts';
import { excerpt, type FerryHttpResponse } from './response.ts';

/** What the client's error messages say about a request; every text is redacted. */
export interface FailureContext {
  readonly connector: string;
  redact(text: string): string;
}

/** `503 Service Unavailable`. */
export function statusLine(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? String(status) : `${status} ${text}`;
}

const CREDENTIALS_HINT =
  'The API refused the credentials: check them in the connection config (keys, tokens, username and password) and their scopes or permissions.';

/**
 * FERRY_HTTP_STATUS (or FERRY_AUTH_FAILED) for a response: the status, method, URL and the
 * first 300 characters of the body, or the error rule's own message when it has one.
 */
export function statusError(
  ctx: FailureContext,
  method: string,
  response: FerryHttpResponse,
  options: {
    ruleMessage?: string;
    rulePath?: string;
    code?: 'FERRY_HTTP_STATUS' | 'FERRY_AUTH_FAILED';
    /** An `abort` rule: the run must fail, even in a write that would reject the batch. */
    abort?: boolean;
  } = {},
): FerryError {
  const url = ctx.redact(response.url);
  const body = excerpt(ctx.redact(response.text));
  const what = `${method} ${url} answered ${statusLine(response.status)}`;
  const message =
    options.ruleMessage === undefined
      ? `connector "${ctx.connector}": ${what}: ${body}`
      : `connector "${ctx.connector}": ${ctx.redact(options.ruleMessage)} (${what})`;
  const code = options.code ?? 'FERRY_HTTP_STATUS';
  const hint =
    code === 'FERRY_HTTP_STATUS' && (response.status === 401 || response.status === 403)
      ? CREDENTIALS_HINT
      : undefined;
  return engineErrors.create(code, message, {
    ...(hint === undefined ? {} : { hint }),
    ...(options.rulePath === undefined ? {} : { path: options.rulePath }),
    details: {
      method,
      url,
      status: response.status,
      body,
      ...(options.abort ? { abort: true } : {}),
    },
  });
}

/**
 * FERRY_AUTH_FAILED for a token endpoint or login that answered non-2xx, or a 401 from the API
 * with a token fetched for this very request.
 */
export function authError(
  ctx: FailureContext,
  what: string,
  method: string,
  response: FerryHttpResponse,
): FerryError {
  const url = ctx.redact(response.url);
  const body = excerpt(ctx.redact(response.text));
  return engineErrors.create(
    'FERRY_AUTH_FAILED',
    `connector "${ctx.connector}": ${what} ${method} ${url} answered ${statusLine(response.status)}: ${body}`,
    { details: { method, url, status: response.status, body } },
  );
}

/**
 * FERRY_HTTP_RETRIES_EXHAUSTED: the method, URL, number of attempts and the last status or
 * network error; the last failure is the cause.
 */
export function exhaustedError(
  ctx: FailureContext,
  method: string,
  url: string,
  attempts: number,
  last: FerryError,
): FerryError {
  const status = last.details?.status;
  const lastText =
    typeof status === 'number'
      ? `last answer ${statusLine(status)}: ${String(last.details?.body ?? '')}`
      : `last error: ${String(last.details?.reason ?? last.message)}`;
  return engineErrors.create(
    'FERRY_HTTP_RETRIES_EXHAUSTED',
    `connector "${ctx.connector}": ${method} ${ctx.redact(url)} still failed after ${attempts} attempts; ${lastText}`,
    {
      cause: last,
      details: {
        method,
        url: ctx.redact(url),
        attempts,
        ...(typeof status === 'number' ? { status } : {}),
      },
    },
  );
}

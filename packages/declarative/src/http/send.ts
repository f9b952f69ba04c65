import type { FerryError } from '@ferry/manifest';
import { type Agent, request } from 'undici';
import { engineErrors } from '../errors.ts';
import { abortReason } from './abort.ts';
import { FerryHttpResponse, flattenHeaders } from './response.ts';

/** What one attempt needs from its client. */
export interface SendContext {
  readonly connector: string;
  readonly agent: Agent;
  readonly timeoutMs: number;
  redact(text: string): string;
}

/** One attempt, ready to go: auth already applied. */
export interface Attempt {
  method: string;
  url: string;
  /** The URL the response and error messages show (without auth query parameters). */
  responseUrl?: string | undefined;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** Network error codes worth another attempt: the connection failed or broke, or DNS hiccuped. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Sends one attempt through the client's keep-alive agent and reads the whole body as text.
 * The timeout covers the headers and the body. A timeout throws FERRY_HTTP_TIMEOUT and a
 * network failure FERRY_HTTP_NETWORK, both with `details.retryable`; an abort of the caller's
 * signal throws the abort reason.
 */
export async function sendAttempt(ctx: SendContext, attempt: Attempt): Promise<FerryHttpResponse> {
  const { signal } = attempt;
  if (signal?.aborted) throw abortReason(signal);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await request(attempt.url, {
      dispatcher: ctx.agent,
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.body,
      signal: controller.signal,
    });
    const text = await response.body.text();
    return new FerryHttpResponse(
      response.statusCode,
      flattenHeaders(response.headers),
      attempt.responseUrl ?? attempt.url,
      text,
      ctx.redact,
    );
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if (timedOut) {
      throw engineErrors.create(
        'FERRY_HTTP_TIMEOUT',
        `connector "${ctx.connector}": ${attempt.method} ${ctx.redact(attempt.responseUrl ?? attempt.url)} took longer than ${ctx.timeoutMs} ms`,
        {
          cause: error,
          details: {
            method: attempt.method,
            retryable: true,
            reason: `timed out after ${ctx.timeoutMs} ms`,
          },
        },
      );
    }
    throw networkError(ctx, attempt, error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function networkError(ctx: SendContext, attempt: Attempt, error: unknown): FerryError {
  const code = errorCode(error);
  const e = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
  const retryable =
    [code, e?.code, e?.cause?.code].some((c) => typeof c === 'string' && RETRYABLE_CODES.has(c)) ||
    /socket hang up|other side closed/i.test(String(e?.message));
  const reason = ctx.redact(describeError(error));
  return engineErrors.create(
    'FERRY_HTTP_NETWORK',
    `connector "${ctx.connector}": ${attempt.method} ${ctx.redact(attempt.responseUrl ?? attempt.url)} failed: ${reason}`,
    { cause: error, details: { method: attempt.method, retryable, reason } },
  );
}

/** The most telling code of an error, looking into `cause` and AggregateError members. */
function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown }; errors?: { code?: unknown }[] };
  const inner = e?.cause?.code ?? e?.errors?.[0]?.code;
  if (e?.code === 'UND_ERR_SOCKET' && typeof inner === 'string') return inner;
  if (typeof e?.code === 'string') return e.code;
  return typeof inner === 'string' ? inner : undefined;
}

/** `ECONNRESET (other side closed)`: the code and the message, without repeating the code. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === undefined) return message || 'unknown error';
  return message === '' || message === code ? code : `${code} (${message})`;
}

/** Whether a failure thrown by `sendAttempt` is worth another attempt. */
export function isRetryableFailure(error: unknown): error is FerryError {
  return (error as FerryError | undefined)?.details?.retryable === true;
}

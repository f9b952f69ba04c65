import type { HttpClient, HttpRequest, HttpResponse, QueryValue } from '@ferry/sdk';
import { Agent } from 'undici';
import { sleep } from './abort.ts';
import { type AuthProvider, applyCredentials, type Credentials, createAuth } from './auth.ts';
import { exhaustedError } from './failures.ts';
import { HeaderLimit } from './header-limit.ts';
import { judgeResponse, type RetryReason, retryForResponse, retryLogLine } from './outcome.ts';
import { compileHostCheck } from './permissions.ts';
import {
  mergeHeaders,
  type PreparedRequest,
  prepareRequest,
  type RequestDefaults,
} from './prepare.ts';
import { RateLimiter } from './rate-limit.ts';
import { Redactor } from './redact.ts';
import { type FerryHttpResponse, isSuccess } from './response.ts';
import { backoffDelay, retryStatusTest } from './retry.ts';
import { ErrorRules } from './rules.ts';
import { isRetryableFailure, type SendContext, sendAttempt } from './send.ts';
import type { HttpClientOptions } from './types.ts';

/**
 * The HTTP client of one connection: a keep-alive undici agent, the connector's auth, host
 * permissions, rate limit, timeout, retries with backoff and Retry-After, and error rules.
 * Every message, hint, detail and log line it produces has the secrets redacted.
 */
export function createHttpClient(
  options: HttpClientOptions,
): HttpClient & { close(): Promise<void> } {
  const { connector, retry, log } = options;
  const redactor = new Redactor(options.secrets);
  const redact = (text: string) => redactor.redact(text);
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const ctx: SendContext = { connector, agent, timeoutMs: options.timeoutMs, redact };
  const hostCheck = options.allowedHosts && compileHostCheck(connector, options.allowedHosts);
  const limiter = options.rateLimit && new RateLimiter(options.rateLimit);
  const headerLimit = options.headerLimit && new HeaderLimit(options.headerLimit);
  const rules = new ErrorRules(options.errorRules);
  const isRetryStatus = retryStatusTest(retry.statuses);
  const apiDefaults: RequestDefaults = {
    baseUrl: options.baseUrl,
    headers: mergeHeaders({}, options.headers),
    query: options.query,
  };
  const bareDefaults: RequestDefaults = { baseUrl: options.baseUrl, headers: {}, query: undefined };

  function prepare(request: HttpRequest, defaults: RequestDefaults): PreparedRequest {
    const prepared = prepareRequest(request, defaults, connector);
    hostCheck?.(prepared.url, redact);
    return prepared;
  }

  const auth = createAuth(options.auth, {
    connector,
    redactor,
    redact,
    log,
    send: async (request, { withDefaults }) =>
      execute(prepare(request, withDefaults ? apiDefaults : bareDefaults), undefined, false),
  });

  /**
   * Sends a request until it succeeds, fails for good or runs out of retries. `api` requests
   * get error rules and 401 renewal; token and login requests (`api` false) get the non-2xx
   * answer back for their provider to report.
   */
  async function execute(
    prepared: PreparedRequest,
    provider: AuthProvider | undefined,
    api: boolean,
  ): Promise<FerryHttpResponse> {
    const { method, signal } = prepared;
    const url = prepared.url;
    const cookie = prepared.headers.cookie;
    const started = performance.now();
    let renewed = false;
    let retries = 0;
    for (;;) {
      let credentials: Credentials | undefined;
      if (provider !== undefined) {
        credentials = await provider.credentials(signal);
        applyCredentials(prepared, credentials, url, cookie);
      }
      if (limiter) await limiter.acquire(signal);
      if (headerLimit) await headerLimit.wait(signal);
      let reason: RetryReason | undefined;
      try {
        const response = await sendAttempt(ctx, prepared);
        options.onExchange?.(
          {
            method,
            url: prepared.url,
            headers: prepared.headers,
            ...(prepared.body === undefined ? {} : { body: prepared.body }),
          },
          response,
        );
        headerLimit?.observe(response.headers);
        const status = response.status;
        if (!api) {
          if (isSuccess(status) || !isRetryStatus(status) || retries >= retry.maxRetries) {
            return response;
          }
          reason = retryForResponse(ctx, method, response);
        } else {
          if (isSuccess(status) && !rules.applies(true)) return response;
          const invalidate = provider?.invalidate;
          const tokenAuth = invalidate !== undefined;
          if (
            status === 401 &&
            tokenAuth &&
            !renewed &&
            credentials &&
            credentials.obtainedAt < started
          ) {
            renewed = true;
            invalidate.call(provider, credentials);
            log?.(
              'debug',
              `connector "${connector}": ${method} ${redact(url)} answered 401; renewing credentials`,
            );
            continue;
          }
          reason = await judgeResponse(ctx, rules, isRetryStatus, method, response, tokenAuth);
          if (reason === undefined) return response;
        }
      } catch (error) {
        if (!isRetryableFailure(error)) throw error;
        reason = { failure: error, retryAfterMs: undefined };
      }
      if (retries >= retry.maxRetries) {
        if (retry.maxRetries === 0) throw reason.failure;
        throw exhaustedError(ctx, method, url, retries + 1, reason.failure);
      }
      const delayMs = reason.retryAfterMs ?? backoffDelay(retry, retries);
      retries++;
      if (log !== undefined) {
        const [message, fields] = retryLogLine(
          ctx,
          { method, url, reason },
          { number: retries, of: retry.maxRetries, delayMs },
        );
        log('warn', message, fields);
      }
      await sleep(delayMs, signal);
    }
  }

  async function request(request: HttpRequest): Promise<HttpResponse> {
    return execute(prepare(request, apiDefaults), auth, true);
  }

  return {
    request,
    get: (url: string, query?: Record<string, QueryValue>) =>
      request(query === undefined ? { url } : { url, query }),
    post: (url: string, json: unknown) => request({ method: 'POST', url, json }),
    close: () => agent.close(),
  };
}

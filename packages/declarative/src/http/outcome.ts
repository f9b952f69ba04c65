import type { FerryError } from '@ferry/manifest';
import { type FailureContext, statusError, statusLine } from './failures.ts';
import type { FerryHttpResponse } from './response.ts';
import { parseRetryAfter } from './retry.ts';
import type { ErrorRules } from './rules.ts';

/** Why an attempt will be repeated, and the wait a Retry-After header asks for. */
export interface RetryReason {
  failure: FerryError;
  retryAfterMs: number | undefined;
}

type RuleFields = { ruleMessage?: string; rulePath?: string };

/** A retry caused by a response: its status error, and its Retry-After header if any. */
export function retryForResponse(
  ctx: FailureContext,
  method: string,
  response: FerryHttpResponse,
  fields: RuleFields = {},
): RetryReason {
  return {
    failure: statusError(ctx, method, response, fields),
    retryAfterMs: parseRetryAfter(response.headers['retry-after']),
  };
}

/**
 * What to do with an API response, by the error rules in order, then the status: `undefined`
 * means return it (marked `ignored` when a rule said so), a RetryReason means try again, and a
 * failure is thrown: the rule's message, FERRY_AUTH_FAILED for a 401 with a token that was
 * just renewed (`tokenAuth`), else FERRY_HTTP_STATUS.
 */
export async function judgeResponse(
  ctx: FailureContext,
  rules: ErrorRules,
  isRetryStatus: (status: number) => boolean,
  method: string,
  response: FerryHttpResponse,
  tokenAuth: boolean,
): Promise<RetryReason | undefined> {
  const { status } = response;
  const success = status >= 200 && status <= 299;
  const rule = rules.applies(success) ? await rules.match(response, success) : undefined;
  if (rule === undefined) {
    if (success) return undefined;
    if (isRetryStatus(status)) return retryForResponse(ctx, method, response);
    const code = tokenAuth && status === 401 ? 'FERRY_AUTH_FAILED' : 'FERRY_HTTP_STATUS';
    throw statusError(ctx, method, response, { code });
  }
  if (rule.action === 'ignore') {
    response.ignored = true;
    return undefined;
  }
  const fields: RuleFields = {};
  const ruleMessage = await rules.message(rule, response);
  if (ruleMessage !== undefined) fields.ruleMessage = ruleMessage;
  if (rule.path !== undefined) fields.rulePath = rule.path;
  if (rule.action === 'fail') throw statusError(ctx, method, response, fields);
  if (rule.action === 'abort') throw statusError(ctx, method, response, { ...fields, abort: true });
  return retryForResponse(ctx, method, response, fields);
}

/** The warn line for a retry: what failed, which retry this is and how long it waits. */
export function retryLogLine(
  ctx: FailureContext,
  what: { method: string; url: string; reason: RetryReason },
  retry: { number: number; of: number; delayMs: number },
): [string, Record<string, unknown>] {
  const status = what.reason.failure.details?.status;
  const url = ctx.redact(what.url);
  const failed =
    typeof status === 'number'
      ? `answered ${statusLine(status)}`
      : `failed: ${String(what.reason.failure.details?.reason)}`;
  return [
    `connector "${ctx.connector}": ${what.method} ${url} ${failed}; retry ${retry.number} of ${retry.of} in ${retry.delayMs} ms`,
    {
      connector: ctx.connector,
      method: what.method,
      url,
      retry: retry.number,
      delayMs: retry.delayMs,
      ...(typeof status === 'number' && { status }),
    },
  ];
}

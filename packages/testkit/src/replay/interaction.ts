import type { HttpResponse } from '@ferry/sdk';
import type { Interaction } from '../contract.ts';
import { testkitErrors } from '../errors.ts';
import { ORIGIN_PLACEHOLDER } from './fixtures.ts';
import type { Scrubber } from './scrub.ts';

/** One exchange as the connector's HTTP client saw it (auth applied), before scrubbing. */
export interface RawExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response: { status: number; headers: Record<string, string>; text: string };
}

/** Response headers a replay sends its own way (the wire format, the date): not recorded. */
const UNRECORDED_HEADERS = new Set([
  'date',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'content-encoding',
]);

/** Keeps what `onExchange` reports, reading the response body once. */
export function captureExchange(
  request: RawExchange['request'],
  response: HttpResponse,
): RawExchange {
  return {
    request: { ...request, headers: { ...request.headers } },
    response: { status: response.status, headers: { ...response.headers }, text: response.text },
  };
}

/**
 * The cassette form of an exchange: secrets scrubbed, the URL relative to the recorded origin,
 * a JSON answer stored parsed under `json`.
 */
export function toInteraction(
  raw: RawExchange,
  scrubber: Scrubber,
  connector: string,
): Interaction {
  const url = scrubber.text(raw.request.url);
  if (!url.startsWith(ORIGIN_PLACEHOLDER)) {
    const host = safeHost(raw.request.url);
    throw testkitErrors.create(
      'FERRY_RECORD_FOREIGN_HOST',
      `${connector} reached ${host} while recording, but the base URL's origin is ${scrubber.origin ?? '(none)'}; a replay serves only that origin`,
      { details: { host } },
    );
  }
  const text = scrubber.text(raw.response.text);
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    request: {
      method: raw.request.method,
      url: url.slice(ORIGIN_PLACEHOLDER.length) || '/',
      headers: scrubber.headers(raw.request.headers),
      ...(raw.request.body === undefined ? {} : { body: scrubber.text(raw.request.body) }),
    },
    response: {
      status: raw.response.status,
      headers: scrubber.headers(raw.response.headers, UNRECORDED_HEADERS),
      ...(json === undefined ? (text === '' ? {} : { body: text }) : { json }),
    },
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

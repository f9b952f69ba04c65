import type { HttpMethod, HttpRequest, QueryValue } from '@ferry/sdk';
import { engineErrors } from '../errors.ts';

/** A request with its URL, headers and body settled; auth is added per attempt. */
export interface PreparedRequest {
  method: HttpMethod;
  url: string;
  /** The URL without auth query parameters, for the response and error messages. */
  responseUrl?: string | undefined;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** What every request of a client starts from. */
export interface RequestDefaults {
  baseUrl: string | undefined;
  /** Header names in lower case. */
  headers: Record<string, string>;
  query: Record<string, QueryValue> | undefined;
}

const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\//i;

/** `http://h/api/v3` + `/repos/x` -> `http://h/api/v3/repos/x`; absolute URLs are kept. */
export function joinUrl(baseUrl: string | undefined, url: string): string | undefined {
  if (ABSOLUTE.test(url)) return url;
  if (baseUrl === undefined || baseUrl === '') return undefined;
  if (url === '' || url.startsWith('?') || url.startsWith('#')) return baseUrl + url;
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  return url.startsWith('/') ? base + url : `${base}/${url}`;
}

/**
 * Adds query parameters to a URL: undefined, null and '' are left out, arrays repeat the key.
 * A parameter the URL already has (a next-page link) is replaced, not repeated.
 */
export function appendQuery(url: string, query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) return url;
  let encoded = '';
  let names: Set<string> | undefined;
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null || value === '') continue;
    const key = encodeURIComponent(name);
    if (typeof value === 'object') {
      for (const item of value) encoded += `&${key}=${encodeURIComponent(String(item))}`;
    } else {
      encoded += `&${key}=${encodeURIComponent(String(value))}`;
    }
    if (names === undefined) names = new Set();
    names.add(name);
  }
  if (encoded === '' || names === undefined) return url;
  const hash = url.indexOf('#');
  const bare = hash === -1 ? url : url.slice(0, hash);
  const mark = bare.indexOf('?');
  if (mark === -1) return `${bare}?${encoded.slice(1)}`;
  const kept = bare
    .slice(mark + 1)
    .split('&')
    .filter((part) => part !== '' && !(names as Set<string>).has(decodeName(part)));
  return `${bare.slice(0, mark)}?${kept.length === 0 ? encoded.slice(1) : kept.join('&') + encoded}`;
}

function decodeName(part: string): string {
  const name = part.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Lower-cases header names; later sources win. */
export function mergeHeaders(
  into: Record<string, string>,
  headers: Record<string, string> | undefined,
): Record<string, string> {
  if (headers !== undefined)
    for (const name in headers) into[name.toLowerCase()] = headers[name] as string;
  return into;
}

/**
 * Settles a request: the URL joined to the base URL with the default then the request query,
 * default then request headers, and the body (`json`, `form` or raw `body`).
 */
export function prepareRequest(
  request: HttpRequest,
  defaults: RequestDefaults,
  connector: string,
): PreparedRequest {
  const joined = joinUrl(defaults.baseUrl, request.url);
  if (joined === undefined) {
    throw engineErrors.create(
      'FERRY_HTTP_NETWORK',
      `connector "${connector}" cannot send a request to "${request.url}": it is not an absolute URL and the connector has no base URL`,
      { hint: 'Give the connector a base URL, or use an absolute URL (https://...).' },
    );
  }
  const query =
    defaults.query !== undefined && request.query !== undefined
      ? { ...defaults.query, ...request.query }
      : (request.query ?? defaults.query);
  const headers = mergeHeaders({ ...defaults.headers }, request.headers);
  let body = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] ??= 'application/json';
  } else if (request.form !== undefined) {
    const form = new URLSearchParams();
    for (const name in request.form) form.append(name, String(request.form[name]));
    body = form.toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  return {
    method: request.method ?? 'GET',
    url: appendQuery(joined, query),
    headers,
    body,
    signal: request.signal,
  };
}

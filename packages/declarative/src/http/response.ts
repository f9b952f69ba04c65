import type { HttpResponse } from '@ferry/sdk';
import type { Dispatcher } from 'undici';

const UNPARSED: unique symbol = Symbol('unparsed');
const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * A response whose text is read once and whose JSON is parsed once, on the first `json()`
 * call (error rules and the connector share the parse). An empty body parses to `undefined`.
 */
export class FerryHttpResponse implements HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly url: string;
  readonly text: string;
  ignored = false;
  #parsed: unknown = UNPARSED;
  readonly #redact: (text: string) => string;

  constructor(
    status: number,
    headers: Record<string, string>,
    url: string,
    text: string,
    redact: (text: string) => string,
  ) {
    this.status = status;
    this.headers = headers;
    this.url = url;
    this.text = text;
    this.#redact = redact;
  }

  json<T = unknown>(): T {
    if (this.#parsed === UNPARSED) {
      try {
        this.#parsed = this.text === '' ? undefined : JSON.parse(this.text);
      } catch {
        this.#parsed = NOT_JSON;
      }
    }
    if (this.#parsed === NOT_JSON) {
      // JSON.parse's own message quotes the body, so it is replaced by a redacted one
      const body = excerpt(this.#redact(this.text), 120);
      throw new SyntaxError(
        `the response of ${this.#redact(this.url)} (status ${this.status}) is not JSON: ${body}`,
      );
    }
    return this.#parsed as T;
  }

  /** The parsed JSON body, or the text when it is not JSON: what error rules and logins see. */
  parsedBody(): unknown {
    if (this.#parsed === UNPARSED) {
      try {
        this.json();
      } catch {
        // remembered as NOT_JSON
      }
    }
    return this.#parsed === NOT_JSON ? this.text : this.#parsed;
  }
}

/**
 * Turns undici's header object (names already lower case) into `Record<string, string>` in
 * place: repeated headers, which undici gives as arrays, are joined with ', '.
 */
export function flattenHeaders(
  headers: Dispatcher.ResponseData['headers'],
): Record<string, string> {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value !== 'string') {
      if (value === undefined) delete headers[name];
      else headers[name] = value.join(', ');
    }
  }
  return headers as Record<string, string>;
}

/** The first 300 characters of a body, on one line, for error messages (redact it first). */
export function excerpt(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty body)';
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** A query value; undefined, null and '' are left out of the URL. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method?: HttpMethod;
  /** An absolute URL, or a path joined to the connector's base URL. */
  url: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** A JSON body (sets content-type application/json). */
  json?: unknown;
  /** A form body (application/x-www-form-urlencoded). */
  form?: Record<string, string | number | boolean>;
  /** A raw body. */
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ', '. */
  headers: Record<string, string>;
  url: string;
  text: string;
  /** The parsed JSON body (parsed once, on first use). */
  json<T = unknown>(): T;
  /** True when an error rule said to ignore this response: treat it as empty. */
  ignored: boolean;
}

/**
 * The HTTP client a connector gets: the connector's auth, retries with backoff that honour
 * Retry-After, its rate limit, timeout and error rules, and a refusal of hosts outside the
 * manifest's permissions. Non-2xx responses that no rule ignores throw a coded FerryError.
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  get(url: string, query?: Record<string, QueryValue>): Promise<HttpResponse>;
  post(url: string, json: unknown): Promise<HttpResponse>;
}

// Generated from schemas/connector.schema.json by scripts/generate-types.ts. Do not edit: run `npm run generate -w @ferry/manifest`.

/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "JsonType".
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
/**
 * A string; parts in {{ }} are expressions over config, state, partition, response and record.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Template".
 */
export type Template = string;
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Auth".
 */
export type Auth = AuthNone | AuthApiKey | AuthBearer | AuthBasic | AuthOAuth2 | AuthSession;
/**
 * A duration: a number of milliseconds, or a string such as '500ms', '30s', '5m', '1h', '7d'.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Duration".
 */
export type Duration = number | string;
/**
 * A path into a record: 'id', 'properties.email', or a list of keys.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "FieldPath".
 */
export type FieldPath = string | [string, ...string[]];
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Pagination".
 */
export type Pagination =
  | PaginationNone
  | PaginationCursor
  | PaginationNextUrl
  | PaginationLinkHeader
  | PaginationPage
  | PaginationOffset;
/**
 * Where a value goes in the next request: a query parameter, header or top-level body key by `name`, or a nested JSON body position by `path`.
 */
export type Inject = {in?: 'query' | 'header' | 'body'; name?: string; path?: (string | number)[]};
/**
 * Where a value goes in the next request: a query parameter, header or top-level body key by `name`, or a nested JSON body position by `path`.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Inject".
 */
export type Inject1 = {in?: 'query' | 'header' | 'body'; name?: string; path?: (string | number)[]};
/**
 * A string; parts in {{ }} are expressions over config, state, partition, response and record.
 */
export type Template1 = string;

/**
 * A Ferry connector manifest: what a connector package offers (config, streams, check) and how its streams are read and written.
 */
export interface ConnectorManifest {
  $schema?: string;
  /**
   * The connector's npm package name, exactly as in package.json.
   */
  name: string;
  /**
   * The package version. Optional: package.json is authoritative; when set it must agree.
   */
  version?: string;
  /**
   * A human name, e.g. 'GitHub'.
   */
  title: string;
  description?: string;
  /**
   * The semver range of the Ferry runtime API this connector supports.
   */
  runtime: string;
  config: ConfigSchema;
  permissions?: Permissions;
  http?: HttpSettings;
  /**
   * @minItems 1
   */
  streams: [Stream, ...Stream[]];
  check?: Check;
}
/**
 * A JSON Schema for a connection's settings. Mark secret fields with "x-secret": true.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "ConfigSchema".
 */
export interface ConfigSchema {
  type: 'object';
  properties: {
    [k: string]: ConfigField;
  };
  required?: string[];
  additionalProperties?: boolean;
}
/**
 * One setting. Any JSON Schema keyword is allowed; x-secret marks credentials.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "ConfigField".
 */
export interface ConfigField {
  type?: JsonType | JsonType[];
  title?: string;
  description?: string;
  'x-secret'?: boolean;
  [k: string]: unknown;
}
/**
 * What the connector may reach. Hosts may be templates derived from config.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Permissions".
 */
export interface Permissions {
  hosts?: string[];
}
/**
 * Request defaults shared by every stream; a stream's own `http` overrides them key by key.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "HttpSettings".
 */
export interface HttpSettings {
  baseUrl?: Template;
  auth?: Auth;
  headers?: TemplateMap;
  query?: TemplateMap;
  timeout?: Duration;
  retry?: Retry;
  rateLimit?: RateLimit;
  errors?: ErrorRule[];
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "TemplateMap".
 */
export interface TemplateMap {
  [k: string]: string | number | boolean;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Retry".
 */
export interface Retry {
  maxRetries?: number;
  initialDelay?: Duration;
  maxDelay?: Duration;
  factor?: number;
  /**
   * HTTP statuses that are retried. Default: 408, 429 and every 5xx.
   */
  statuses?: number[];
}
/**
 * A client-side limit shared by every request of one connection: a fixed number of requests per window, and/or the limit the API announces in its headers.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "RateLimit".
 */
export interface RateLimit {
  requests?: number;
  per?: Duration;
  headers?: RateLimitHeaders;
}
/**
 * A limit the API announces in response headers: when `remaining` drops to 0, the next request waits `resetAfter`.
 */
export interface RateLimitHeaders {
  /**
   * The header with the requests left in the window.
   */
  remaining: string;
  /**
   * The header with the time until the window restarts (or its length).
   */
  resetAfter: string;
  unit?: 'ms' | 's';
}
/**
 * What to do with a response: match by status and/or a body expression, then ignore, fail or retry.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "ErrorRule".
 */
export interface ErrorRule {
  status?: number | number[];
  when?: Template;
  /**
   * ignore: return the response as empty; fail: fail the request (a write rejects the batch's records with the message); abort: fail the request and the whole run, writes included (an exhausted daily quota); retry: retry as for a 429/5xx.
   */
  action: 'ignore' | 'fail' | 'abort' | 'retry';
  message?: Template;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Stream".
 */
export interface Stream {
  name: string;
  description?: string;
  /**
   * The record JSON Schema, inline or a path to a JSON/YAML file in the package.
   */
  schema: string | RecordSchema;
  /**
   * The field (or fields) that identify a record.
   */
  primaryKey: string | [string, ...string[]];
  /**
   * The field whose value only grows as records change; enables incremental reads.
   */
  cursorField?: string;
  read?: HandlerRef | DeclarativeRead;
  write?: HandlerRef | DeclarativeWrite;
  canonical?: Canonical;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "RecordSchema".
 */
export interface RecordSchema {
  type: 'object';
  properties?: {};
  [k: string]: unknown;
}
/**
 * How the stream's records map onto an entity of Ferry's canonical dictionary (packages/manifest/schemas/canonical/), so that a recipe between two streams of the same entity needs no mapping. `fields` maps both ways; `read` and `write` compute what a plain path cannot.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Canonical".
 */
export interface Canonical {
  /**
   * The canonical entity the records map onto: Customer, Contact, Product, SalesOrder or Invoice.
   */
  entity: string;
  /**
   * Canonical field path -> record field path, used both ways. Plain paths only, dots for nesting: `billingAddress.city: address.city`.
   */
  fields?: {
    /**
     * A plain record field path, dots for nesting; a computed value is a template under `read` or `write` instead.
     */
    [k: string]: string;
  };
  /**
   * Canonical field path -> template over `record` (the stream record), computed when reading: `name: "{{ $join([record.firstname, record.lastname], ' ') }}"`. Applied after `fields`.
   */
  read?: {
    [k: string]: Template;
  };
  /**
   * Record field path -> template over `entity` (the canonical record), computed when writing: `firstname: "{{ $substringBefore(entity.name, ' ') }}"`. Applied after `fields`.
   */
  write?: {
    [k: string]: Template;
  };
}
/**
 * How `ferry check` proves a config works: read one page of a stream, send a request, or call a handler.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Check".
 */
export interface Check {
  stream?: string;
  request?: Request;
  handler?: string;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Request".
 */
export interface Request {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path?: Template;
  url?: Template;
  query?: TemplateMap;
  headers?: TemplateMap;
  body?: Body;
}
/**
 * A JSON body (any value; strings are templates) or a form body.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Body".
 */
export interface Body {
  json?: unknown;
  form?: TemplateMap;
}
/**
 * A TypeScript escape hatch: a module inside the package and its export, './dist/file.js#name'.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "HandlerRef".
 */
export interface HandlerRef {
  handler: string;
  /**
   * For write handlers: how many records each call receives (default 100).
   */
  batchSize?: number;
}
/**
 * A declarative HTTP read: request, records, pagination, incremental cursor, partitions, transforms.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "DeclarativeRead".
 */
export interface DeclarativeRead {
  http?: HttpSettings;
  request: Request;
  records?: Records;
  pagination?: Pagination;
  incremental?: Incremental;
  partitions?: Partitions;
  transforms?: Transform[];
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Records".
 */
export interface Records {
  /**
   * Where the records are in the response body: '' or absent for the root, 'data.items', or a list of keys.
   */
  path?: string | string[];
  /**
   * Keep a record only when this expression over record is true.
   */
  filter?: string;
}
/**
 * An incremental cursor. The stream's cursorField is read from each record; the window is offered to the request as cursor.start and cursor.end.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Incremental".
 */
export interface Incremental {
  type: 'datetime' | 'integer';
  /**
   * How datetimes look in records: 'iso8601' (default), '%s' or 'epoch' (seconds), '%ms' or 'epoch_ms', or a strftime-like pattern such as '%Y-%m-%d %H:%M:%S' (%Y %m %d %H %M %S %f %z; UTC).
   */
  format?: string;
  /**
   * How the window start is written into requests, in the same notation; default: the records' format.
   */
  requestFormat?: string;
  /**
   * Where a first read starts, usually from config.
   */
  start?: string;
  lookback?: Duration;
  inject?: Inject;
  /**
   * Records arrive in ascending cursor order (STATE can be emitted after each page).
   */
  sorted?: boolean;
}
/**
 * Run the read once per partition: a list of values, or the records of a parent stream.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Partitions".
 */
export interface Partitions {
  values?: unknown[] | Template;
  parent?: {
    stream: string;
    value: Template;
  };
  /**
   * The partition's name in templates (default 'partition').
   */
  as?: string;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "Transform".
 */
export interface Transform {
  add?: TemplateMap1;
  remove?: string[];
  rename?: {
    [k: string]: string;
  };
}
/**
 * Fields to set: field path -> template (a whole-expression template keeps its type).
 */
export interface TemplateMap1 {
  [k: string]: string | number | boolean;
}
/**
 * A declarative HTTP write: batches of records sent by one request each; per-record results mapped from the response.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "DeclarativeWrite".
 */
export interface DeclarativeWrite {
  http?: HttpSettings;
  request: Request;
  batchSize?: number;
  results?: WriteResults;
}
/**
 * How to read per-record outcomes from a batch response.
 *
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "WriteResults".
 */
export interface WriteResults {
  path?: string | string[];
  /**
   * How a result finds its record: by position (default) or by key.
   */
  match?: 'position' | 'key';
  key?: Template;
  accepted?: Template;
  reason?: Template;
  id?: Template;
  rejected?: WriteRejections;
}
/**
 * Rejections listed apart from the results (HubSpot's `errors[]` beside `results[]`): each item names the key(s) of the records it refuses.
 */
export interface WriteRejections {
  path: string | string[];
  key: Template1;
  reason?: Template;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "AuthApiKey".
 */
export interface AuthApiKey {
  type: 'api-key';
  in?: 'header' | 'query';
  name: string;
  value: Template;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "AuthBearer".
 */
export interface AuthBearer {
  type: 'bearer';
  token: Template;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "AuthBasic".
 */
export interface AuthBasic {
  type: 'basic';
  username: Template;
  password?: Template;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "AuthOAuth2".
 */
export interface AuthOAuth2 {
  type: 'oauth2';
  grant: 'client_credentials' | 'refresh_token';
  tokenUrl: Template;
  clientId?: Template;
  clientSecret?: Template;
  refreshToken?: Template;
  scopes?: string[];
  credentialsIn?: 'body' | 'basic';
  extraParams?: TemplateMap;
  tokenPath?: string;
  expiresInPath?: string;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "AuthSession".
 */
export interface AuthSession {
  type: 'session';
  login: Request;
  /**
   * Where the session token is in the login response: an expression over response and headers.
   */
  token: string;
  expiresIn?: Duration;
  /**
   * Where the session token goes in every request. `in: body` with `path` places it inside the JSON body (APIs such as Odoo's JSON-RPC that carry credentials in the call).
   */
  inject: {
    in?: 'header' | 'query' | 'cookie' | 'body';
    name?: string;
    path?: (string | number)[];
    value?: string;
    secret?: boolean;
  };
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "AuthNone".
 */
export interface AuthNone {
  type: 'none';
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "PaginationCursor".
 */
export interface PaginationCursor {
  type: 'cursor';
  pageSize?: number;
  /**
   * Stop paging when this expression over response, records and headers is true.
   */
  stop?: string;
  /**
   * The next page's cursor, from the response.
   */
  cursor: string;
  inject: Inject1;
  pageSizeInject?: Inject1;
  /**
   * For searches capped at a number of results (HubSpot: 10,000): when this expression over response, records and headers is true after a page, the read starts again from the first page with the incremental start at the last cursor read (sorted incremental streams only).
   */
  restart?: string;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "PaginationNextUrl".
 */
export interface PaginationNextUrl {
  type: 'next-url';
  pageSize?: number;
  /**
   * Stop paging when this expression over response, records and headers is true.
   */
  stop?: string;
  url: Template;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "PaginationLinkHeader".
 */
export interface PaginationLinkHeader {
  type: 'link-header';
  pageSize?: number;
  /**
   * Stop paging when this expression over response, records and headers is true.
   */
  stop?: string;
  rel?: string;
  pageSizeInject?: Inject1;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "PaginationPage".
 */
export interface PaginationPage {
  type: 'page';
  pageSize?: number;
  /**
   * Stop paging when this expression over response, records and headers is true.
   */
  stop?: string;
  start?: number;
  inject: Inject1;
  pageSizeInject?: Inject1;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "PaginationOffset".
 */
export interface PaginationOffset {
  type: 'offset';
  pageSize: number;
  /**
   * Stop paging when this expression over response, records and headers is true.
   */
  stop?: string;
  inject: Inject1;
  pageSizeInject?: Inject1;
}
/**
 * This interface was referenced by `ConnectorManifest`'s JSON-Schema
 * via the `definition` "PaginationNone".
 */
export interface PaginationNone {
  type: 'none';
}

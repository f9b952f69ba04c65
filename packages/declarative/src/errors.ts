import { defineErrors } from '@ferry/manifest';

/** The error table of @ferry/declarative: HTTP, expressions, reads, writes and handlers. */
export const engineErrors = defineErrors({
  FERRY_HTTP_HOST_NOT_ALLOWED: {
    title: "A request went to a host outside the connector's permissions",
    hint: 'Add the host to `permissions.hosts` in the manifest, or fix the URL (base URL settings included).',
  },
  FERRY_HTTP_STATUS: {
    title: 'The API answered with an error status that is not retried',
    hint: 'Read the status and the body excerpt in the message; fix the config or the request, or add an error rule that ignores it.',
  },
  FERRY_HTTP_RETRIES_EXHAUSTED: {
    title:
      'A request still failed (429, 5xx, timeout or network error) after the maximum number of retries',
    hint: 'The API is down or rate limited; try again later, or raise `http.retry.maxRetries`.',
  },
  FERRY_HTTP_TIMEOUT: {
    title: 'A request took longer than the configured timeout',
    hint: 'Raise `http.timeout`, or ask for smaller pages.',
  },
  FERRY_HTTP_NETWORK: {
    title: 'A request could not reach the server (connection refused, reset, DNS)',
    hint: 'Check the base URL and that the server is reachable from here.',
  },
  FERRY_AUTH_FAILED: {
    title:
      'Authentication failed: the token endpoint or login refused the credentials, or the API kept answering 401',
    hint: 'Check the credentials in the connection config (client id and secret, refresh token, username and password).',
  },
  FERRY_EXPRESSION_SYNTAX: {
    title: 'An expression in a template or mapping does not parse',
    hint: 'Fix the JSONata expression at the position shown; templates look like "{{ config.baseUrl }}".',
  },
  FERRY_EXPRESSION_FAILED: {
    title: 'An expression failed while it was evaluated',
    hint: 'Check the names the expression uses (config, state, cursor, partition, response, headers, record).',
  },
  FERRY_RECORDS_NOT_FOUND: {
    title: 'The records path does not lead to a list or an object in the response',
    hint: 'Fix `read.records.path` so it names where the records are in the response body.',
  },
  FERRY_PAGINATION_LOOP: {
    title: 'The API returned the same next page twice',
    hint: 'Check the pagination settings: the cursor or next URL must change from page to page.',
  },
  FERRY_PAGINATION_RESTART_STUCK: {
    title: 'A capped search restarted without moving its cursor',
    hint: 'More records share one cursor value than the search can return; narrow the search (a smaller window, another sort key) or read that stream in full.',
  },
  FERRY_CURSOR_INVALID: {
    title: "A record's cursor value cannot be read as the declared cursor type",
    hint: 'Fix `read.incremental.type` and `format` to match the values of the cursor field.',
  },
  FERRY_STATE_INVALID: {
    title: 'The state given to a read is not valid JSON state for its streams',
    hint: 'Pass the STATE messages a previous read printed, or an object of stream name -> state.',
  },
  FERRY_CONFIG_INVALID: {
    title: "A connection config does not match the connector's config schema",
    hint: 'Fix the config keys named in the message; `ferry spec <connector>` prints the schema.',
  },
  FERRY_CONNECTOR_INVALID: {
    title: 'A connector package or manifest failed validation, so it cannot be run',
    hint: 'Run `ferry validate <connector>` to see every problem with its line and fix.',
  },
  FERRY_STREAM_NOT_FOUND: {
    title: 'A stream was asked for that the connector does not have',
    hint: 'Use a stream name that `ferry discover` lists.',
  },
  FERRY_STREAM_NOT_WRITABLE: {
    title: 'A write was asked of a stream that has no write definition',
    hint: 'Write to a stream whose manifest entry has `write`, or add one to the connector.',
  },
  FERRY_HANDLER_NOT_FOUND: {
    title: 'A handler module or its export could not be loaded',
    hint: 'Check the `handler` reference (./dist/file.js#export); build the package if dist is missing.',
  },
  FERRY_HANDLER_FAILED: {
    title: "A connector's TypeScript handler threw an error",
    hint: "See the original error's code and message; the connector's handler needs a fix or different input.",
  },
  FERRY_CHECK_FAILED: {
    title: 'A connection check failed',
    hint: 'The message says why; fix the config (credentials, base URL) and run `ferry check` again.',
  },
});

export type EngineErrorCode = keyof typeof engineErrors.codes;

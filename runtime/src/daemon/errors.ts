import { defineErrors } from '@ferry/manifest';

/** The error table of the daemon (@ferry/runtime): starting it, its HTTP API and webhooks. */
export const daemonErrors = defineErrors({
  FERRY_DAEMON_TOKEN_REQUIRED: {
    title: 'The daemon was asked to listen on a non-loopback address without an API token',
    hint: 'Set FERRY_API_TOKEN (clients send `Authorization: Bearer <token>`), or bind to 127.0.0.1 with --host.',
  },
  FERRY_DAEMON_LISTEN_FAILED: {
    title:
      'The daemon could not listen on its host and port (in use, not permitted, unknown address)',
    hint: 'Choose another --port or --host, or stop the process that holds the port.',
  },
  FERRY_DAEMON_DRAINING: {
    title: 'A run was requested while the daemon is shutting down',
    hint: 'Send the request again once the daemon has restarted.',
  },
  FERRY_API_UNAUTHORIZED: {
    title: 'An API or webhook request came without the right API token',
    hint: 'Send `Authorization: Bearer <token>` with the value of FERRY_API_TOKEN the daemon runs with.',
  },
  FERRY_API_BAD_REQUEST: {
    title: 'An API request has an invalid parameter or body',
    hint: 'The message names the parameter: limits and offsets are whole numbers, statuses one of the listed values, bodies JSON.',
  },
  FERRY_API_NOT_FOUND: {
    title: 'An API request names a run that the store does not have',
    hint: 'List runs with `GET /api/runs` (or `ferry runs`) to find the id.',
  },
  FERRY_RECIPE_DISABLED: {
    title: 'A webhook delivery arrived for a recipe with `enabled: false`',
    hint: 'Enable the recipe in ferry.yaml (remove `enabled: false`) and restart the daemon, or stop the sender.',
  },
  FERRY_WEBHOOK_NOT_CONFIGURED: {
    title: 'A webhook was posted for a recipe that has no webhook trigger',
    hint: 'Add `triggers: [{ webhook: { action: run } }]` (or `action: records`) to the recipe.',
  },
  FERRY_WEBHOOK_SIGNATURE_INVALID: {
    title: "A webhook delivery's X-Ferry-Signature is missing or does not match its body",
    hint: 'Sign the raw body: `X-Ferry-Signature: sha256=<hex HMAC-SHA256 of the body with the shared secret>`.',
  },
  FERRY_WEBHOOK_BODY_INVALID: {
    title:
      'A records webhook body is not JSON records (an array of objects, or { records: [...] })',
    hint: 'Post a JSON array of record objects, or an object whose `records` is one.',
  },
  FERRY_WEBHOOK_SECRET_MISSING: {
    title: "A webhook trigger's secret reference cannot be resolved",
    hint: 'Set the environment variable the reference names (${env:NAME}), or store the secret (${secret:name}).',
  },
});

export type DaemonErrorCode = keyof typeof daemonErrors.codes;

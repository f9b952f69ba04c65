import { defineErrors } from '@ferry/manifest';

/** The error table of the API sandboxes in @ferry/testkit. */
export const sandboxErrors = defineErrors({
  FERRY_SANDBOX_ROUTE_INVALID: {
    title: "A sandbox route's path pattern is not a valid pattern",
    hint: "Write the path as '/literal/:param/...': it starts with '/', and each parameter is ':' followed by a name (letters, digits, '_') used once.",
  },
  FERRY_SANDBOX_FAULT_INVALID: {
    title: 'A sandbox fault setting is out of range',
    hint: 'Counts (every, burst, next) are whole numbers (every >= 1, 1 <= burst <= every), durations and latencies are milliseconds >= 0, and statuses are 400 to 599.',
  },
});

export type SandboxErrorCode = keyof typeof sandboxErrors.codes;

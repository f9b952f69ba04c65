// Test support for the HTTP client: clients with small retry delays, closed when the test that
// made them finishes. The server itself is the package's shared test server.
import { onTestFinished } from 'vitest';
import { createHttpClient } from './client.ts';
import type { HttpClientOptions } from './types.ts';

export { type SeenRequest, sendJson, startServer, type TestServer } from '../testing/server.ts';

/** Options with small retry delays; override what a test needs. */
export function clientOptions(overrides: Partial<HttpClientOptions> = {}): HttpClientOptions {
  return {
    connector: 'test-connector',
    auth: { type: 'none' },
    timeoutMs: 5_000,
    retry: { maxRetries: 3, initialDelayMs: 10, maxDelayMs: 50, factor: 2, statuses: 'default' },
    errorRules: [],
    secrets: [],
    ...overrides,
  };
}

/** A client closed when the test finishes. */
export function testClient(overrides: Partial<HttpClientOptions> = {}) {
  const client = createHttpClient(clientOptions(overrides));
  onTestFinished(() => client.close());
  return client;
}

/** An error as tests look at it: a FerryError's fields, `details` assumed present. */
export type Rejection = Error & {
  code?: string;
  hint?: string;
  path?: string;
  details: Record<string, unknown>;
};

/** What a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Rejection> {
  try {
    await promise;
  } catch (error) {
    return error as Rejection;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

// Test support: a HubSpot sandbox and a small fetch helper that speaks to it as a client would.
// Requests as https://developers.hubspot.com/docs/guides/crm/using-object-apis shows them.
import { startHubspotSandbox } from './sandbox.ts';
import type { HubspotSandbox, HubspotSandboxOptions } from './types.ts';

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected freely
  json: any;
}

export async function hubspot(options: HubspotSandboxOptions = {}) {
  const sandbox: HubspotSandbox = await startHubspotSandbox({ limits: false, ...options });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    token = sandbox.token,
  ): Promise<Answer> => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text ? JSON.parse(text) : undefined,
    };
  };
  return { sandbox, call };
}

/** A clock that tests move by hand. */
export function manualClock(start = '2025-03-01T12:00:00.000Z') {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConnector } from '@ferry/declarative';
import { collect, records } from '@ferry/declarative/testing';
import type { JsonObject, WriteResult } from '@ferry/sdk';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startExampleCrm } from './example-crm.ts';

/** A declarative connector for the example CRM, written to a temp folder. */
async function crmConnector() {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-sandbox-connector-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const manifest = {
    name: '@test/example-crm',
    title: 'Example CRM',
    runtime: '^1',
    config: {
      type: 'object',
      required: ['baseUrl', 'token'],
      properties: { baseUrl: { type: 'string' }, token: { type: 'string', 'x-secret': true } },
    },
    http: {
      baseUrl: '{{ config.baseUrl }}',
      auth: { type: 'bearer', token: '{{ config.token }}' },
      retry: { maxRetries: 10, initialDelay: 1, maxDelay: 5, statuses: [429, 500, 502, 503] },
    },
    streams: [
      {
        name: 'contacts',
        schema: {
          type: 'object',
          properties: { id: { type: 'string' }, properties: { type: 'object' } },
        },
        primaryKey: 'id',
        read: {
          request: { path: '/crm/v3/objects/contacts' },
          records: { path: 'results' },
          pagination: {
            type: 'cursor',
            cursor: '{{ response.paging.next.after }}',
            inject: { name: 'after' },
            pageSize: 20,
            pageSizeInject: { name: 'limit' },
          },
        },
        write: {
          request: {
            method: 'POST',
            path: '/crm/v3/objects/contacts/batch/upsert',
            body: { json: { inputs: "{{ [records.{ 'id': id, 'properties': properties }] }}" } },
          },
          batchSize: 10,
          results: {
            path: 'results',
            match: 'key',
            key: '{{ result.id }}',
            accepted: "{{ result.status = 'ok' }}",
            reason: '{{ result.message }}',
          },
        },
      },
    ],
  };
  await writeFile(join(dir, 'connector.json'), JSON.stringify(manifest, null, 2));
  return openConnector(join(dir, 'connector.json'));
}

describe('a Ferry connector against the sandbox', () => {
  it('reads every record once while 429s, 5xx bursts, resets and latency are on', async () => {
    const { sandbox, objects, token } = await startExampleCrm({
      contacts: 250,
      faults: {
        latency: { ms: 1, jitterMs: 3 },
        rateLimit: { every: 4, retryAfter: 0 },
        errors: { every: 5, burst: 2, status: 503 },
        reset: { every: 7 },
      },
    });
    const connector = await crmConnector();
    const got = records(await collect(connector.read({ baseUrl: sandbox.url, token })));
    expect(got.map((r) => r.id)).toEqual([...(objects.get('contacts')?.keys() ?? [])]);
    expect(got).toHaveLength(250);
    expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
    expect(sandbox.stats.errors).toBeGreaterThan(0);
    expect(sandbox.stats.resets).toBeGreaterThan(0);
    expect(sandbox.stats.served).toBe(13);
  });

  it('writes batches through 429s, and reports the records the sandbox rejects', async () => {
    const { sandbox, objects, token } = await startExampleCrm({
      contacts: 0,
      faults: {
        rateLimit: { every: 2, retryAfter: 0 },
        rejects: (record) =>
          (record as { properties: { email: string } }).properties.email.endsWith('@blocked.test')
            ? 'blocked domain'
            : undefined,
      },
    });
    const input: JsonObject[] = Array.from({ length: 25 }, (_, i) => ({
      id: `c${i}`,
      properties: { email: i % 10 === 3 ? `p${i}@blocked.test` : `p${i}@example.com` },
    }));
    const connector = await crmConnector();
    const results: WriteResult[] = [];
    for await (const batch of connector.write({ baseUrl: sandbox.url, token }, 'contacts', [input]))
      results.push(...batch);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([
      { index: 3, status: 'rejected', reason: 'blocked domain' },
      { index: 13, status: 'rejected', reason: 'blocked domain' },
      { index: 23, status: 'rejected', reason: 'blocked domain' },
    ]);
    expect(objects.get('contacts')?.size).toBe(22);
    expect(sandbox.stats.rateLimited).toBeGreaterThan(0);
  });
});

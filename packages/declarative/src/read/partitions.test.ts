import type { JsonObject } from '@ferry/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collect,
  collectUntilError,
  connectorFrom,
  manifest,
  records,
  states,
} from '../test-connector.ts';
import { startServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
afterEach(() => server?.close());

const t = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00Z`;
const comments: Record<string, JsonObject[]> = {
  'acme/app': [
    { id: 11, at: t(1) },
    { id: 12, at: t(5) },
  ],
  'acme/lib': [{ id: 21, at: t(3) }],
};

function api(failOn?: string) {
  return startServer(({ path, query }) => {
    if (path === '/repos') return { json: [{ full_name: 'acme/app' }, { full_name: 'acme/lib' }] };
    const repo = decodeURIComponent(path.replace('/repos/', '').replace('/comments', ''));
    if (repo === failOn) return { status: 500, json: { message: 'boom' } };
    const since = query.get('since');
    return {
      json: (comments[repo] ?? []).filter(
        (c) => !since || Date.parse(c.at as string) >= Date.parse(since),
      ),
    };
  });
}

const commentSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, at: { type: 'string' }, repo: { type: 'string' } },
};

function connector(partitions: Record<string, unknown>) {
  return connectorFrom(
    manifest({
      http: { baseUrl: '{{ config.baseUrl }}', retry: { maxRetries: 0 } },
      streams: [
        {
          name: 'repos',
          schema: { type: 'object', properties: { full_name: { type: 'string' } } },
          primaryKey: 'full_name',
          read: { request: { path: '/repos' } },
        },
        {
          name: 'comments',
          schema: commentSchema,
          primaryKey: 'id',
          cursorField: 'at',
          read: {
            partitions,
            request: { path: '/repos/{{ repo }}/comments', query: { since: '{{ cursor.start }}' } },
            incremental: { type: 'datetime' },
            transforms: [{ add: { repo: '{{ repo }}' } }],
          },
        },
      ],
    }),
  );
}

describe('partitions', () => {
  it('reads once per value of a list, keeping one cursor per partition', async () => {
    server = await api();
    const c = await connector({ values: ['acme/app', 'acme/lib'], as: 'repo' });
    const messages = await collect(c.read({ baseUrl: server.url }, { streams: ['comments'] }));
    expect(records(messages).map((r) => [r.repo, r.id])).toEqual([
      ['acme/app', 11],
      ['acme/app', 12],
      ['acme/lib', 21],
    ]);
    expect(states(messages).at(-1)).toEqual({
      partitions: {
        'acme/app': { cursor: t(5), keys: ['[12]'], partition: 'acme/app' },
        'acme/lib': { cursor: t(3), keys: ['[21]'], partition: 'acme/lib' },
      },
    });
  });

  it('reads a child stream per parent record, and its state survives a failed run and a resume', async () => {
    server = await api('acme/lib');
    const c = await connector({
      parent: { stream: 'repos', value: '{{ record.full_name }}' },
      as: 'repo',
    });
    const failed = await collectUntilError(
      c.read({ baseUrl: server.url }, { streams: ['comments'] }),
    );
    expect((failed.error as { code: string }).code).toBe('FERRY_HTTP_STATUS');
    const saved = states(failed.messages).at(-1) as JsonObject;
    expect(saved).toEqual({
      partitions: { 'acme/app': { cursor: t(5), keys: ['[12]'], partition: 'acme/app' } },
    });

    await server.close();
    comments['acme/app']?.push({ id: 13, at: t(7) });
    server = await api();
    const resumed = await collect(
      c.read({ baseUrl: server.url }, { streams: ['comments'], state: { comments: saved } }),
    );
    expect(records(resumed).map((r) => r.id)).toEqual([13, 21]);
    const appRequest = server.requests.find((r) => r.path === '/repos/acme/app/comments');
    expect(appRequest?.query.get('since')).toBe(t(5));
    expect(states(resumed).at(-1)).toMatchObject({
      partitions: { 'acme/app': { cursor: t(7) }, 'acme/lib': { cursor: t(3) } },
    });
  });
});

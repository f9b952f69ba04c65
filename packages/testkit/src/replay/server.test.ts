import { afterEach, describe, expect, it } from 'vitest';
import type { Cassette, Interaction } from '../contract.ts';
import { ORIGIN_PLACEHOLDER } from './fixtures.ts';
import { type ReplayServer, replayServer } from './server.ts';

let server: ReplayServer | undefined;
afterEach(() => server?.close());

const exchange = (
  method: string,
  url: string,
  json: unknown,
  extra: Partial<Interaction['request']> = {},
): Interaction => ({
  request: { method, url, headers: {}, ...extra },
  response: { status: 200, headers: {}, json },
});

const cassette = (interactions: Interaction[], match?: Cassette['match']): Cassette => ({
  version: 1,
  recordedWith: { connector: 'test', version: '1.0.0' },
  ...(match ? { match } : {}),
  interactions,
});

async function ask(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server?.url}${path}`, init);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('replayServer', () => {
  it('answers repeated identical requests with the next recorded answer, then the last', async () => {
    server = await replayServer([
      cassette([
        exchange('GET', '/n', 1),
        exchange('GET', '/other', 'x'),
        exchange('GET', '/n', 2),
      ]),
    ]);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await ask('/n')).text);
    expect(answers).toEqual(['1', '2', '2']);
  });

  it('matches the query whatever the order of its parameters, and the body as JSON', async () => {
    server = await replayServer([
      cassette([
        exchange('GET', '/items?page=2&per_page=10', 'page 2'),
        exchange('POST', '/items', 'created', { body: '{"a":1,"b":[1,2]}' }),
      ]),
    ]);
    expect((await ask('/items?per_page=10&page=2')).text).toBe('"page 2"');
    const posted = await ask('/items', { method: 'POST', body: '{ "b": [1, 2], "a": 1 }' });
    expect(posted.text).toBe('"created"');
  });

  it("matches only what the cassette's `match` lists", async () => {
    server = await replayServer([
      cassette([exchange('GET', '/search?q=a', 'any')], ['method', 'path']),
    ]);
    expect((await ask('/search?q=zzz')).text).toBe('"any"');
  });

  it('answers an unmatched request 599, naming it and the closest recorded request', async () => {
    server = await replayServer([
      cassette([exchange('GET', '/repos/a/issues?state=all', []), exchange('GET', '/repos/a', {})]),
    ]);
    const answer = await ask('/repos/a/issues?state=all&since=2024-01-01');
    expect(answer.status).toBe(599);
    expect(answer.headers.get('retry-after')).toBe('0');
    expect(answer.text).toBe(
      'ferry replay: no recorded answer for GET /repos/a/issues?state=all&since=2024-01-01; closest recorded: GET /repos/a/issues?state=all (differs in query since)',
    );
    expect(server.unmatched).toEqual([answer.text]);
  });

  it('requires the same scrubbed credentials, so a wrong secret does not match', async () => {
    server = await replayServer([
      cassette([exchange('GET', '/me', 'me', { headers: { authorization: 'Bearer ***' } })]),
    ]);
    expect((await ask('/me', { headers: { authorization: 'Bearer ***' } })).status).toBe(200);
    const wrong = await ask('/me', { headers: { authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(599);
    expect(wrong.text).toContain('differs in header authorization');
  });

  it('puts its own origin where the recording had the placeholder', async () => {
    server = await replayServer([
      {
        ...cassette([]),
        interactions: [
          {
            request: { method: 'GET', url: '/page1', headers: {} },
            response: {
              status: 200,
              headers: { link: `<${ORIGIN_PLACEHOLDER}/page2>; rel="next"` },
              json: { self: `${ORIGIN_PLACEHOLDER}/page1` },
            },
          },
        ],
      },
    ]);
    const answer = await ask('/page1');
    expect(answer.headers.get('link')).toBe(`<${server.url}/page2>; rel="next"`);
    expect(JSON.parse(answer.text)).toEqual({ self: `${server.url}/page1` });
  });
});

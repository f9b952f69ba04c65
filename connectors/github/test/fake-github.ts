import { startServer, type TestServer } from '@ferry/declarative/testing';
import type { JsonObject } from '@ferry/sdk';

/**
 * A local stand-in for the GitHub REST API endpoints the connector uses, following the
 * documented wire format: bearer auth, `GET /repos/{owner}/{repo}`, and
 * `GET /repos/{owner}/{repo}/issues` with state/sort/direction/since/per_page/page and an
 * RFC 8288 Link header (docs.github.com/en/rest/issues/issues#list-repository-issues).
 */
export async function fakeGitHub(
  token: string,
  repos: Record<string, JsonObject[]>,
): Promise<TestServer> {
  const server: TestServer = await startServer(({ path, query, headers }) => {
    if (headers.authorization !== `Bearer ${token}`)
      return { status: 401, json: { message: 'Bad credentials' } };
    const match = /^\/repos\/([^/]+\/[^/]+)(\/issues)?$/.exec(path);
    const name = match?.[1];
    if (!name || !repos[name]) return { status: 404, json: { message: 'Not Found' } };
    if (!match?.[2])
      return {
        json: {
          id: Object.keys(repos).indexOf(name) + 1,
          full_name: name,
          name: name.split('/')[1],
          private: false,
        },
      };
    const since = query.get('since');
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    const issues = (repos[name] ?? [])
      .filter((i) => !since || Date.parse(i.updated_at as string) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.updated_at as string) - Date.parse(b.updated_at as string));
    const last = Math.max(1, Math.ceil(issues.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(query);
      q.set('page', String(p));
      return `<${server.url}${path}?${q}>; rel="${rel}"`;
    };
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [link(1, 'first')];
    return {
      json: issues.slice((page - 1) * perPage, page * perPage),
      headers: { link: links.join(', ') },
    };
  });
  return server;
}

/** Issues with realistic fields; `updated_at` one minute apart from `start`. */
export function makeIssues(
  count: number,
  start = Date.parse('2024-03-01T09:00:00Z'),
): JsonObject[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 1000 + i,
    number: i + 1,
    title: `Issue ${i + 1}`,
    state: i % 3 === 0 ? 'closed' : 'open',
    body: i % 4 === 0 ? null : `Body of issue ${i + 1}`,
    user: { login: 'octocat', id: 1 },
    labels: [],
    comments: i % 5,
    created_at: new Date(start - 86_400_000).toISOString().replace('.000Z', 'Z'),
    updated_at: new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z'),
    closed_at: null,
  }));
}

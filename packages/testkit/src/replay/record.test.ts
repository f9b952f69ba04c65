import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openConnector } from '@ferry/declarative';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cassette } from '../contract.ts';
import { loadCassette, loadConfig, loadGolden, ORIGIN_PLACEHOLDER } from './fixtures.ts';
import { compareWithGolden } from './golden.ts';
import { replayRead } from './replay-read.ts';
import { copyGitHub, dropTitle, GITHUB, recordGitHub, TOKEN } from './test-support.ts';

let fixtures: string;
let liveUrl: string;
beforeAll(async () => {
  ({ fixtures, url: liveUrl } = await recordGitHub());
});

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('record', () => {
  it('writes cassettes, golden output and the config, with the token and the live origin scrubbed', async () => {
    const files = (await allFiles(fixtures)).map((f) => f.slice(fixtures.length + 1)).sort();
    expect(files).toEqual([
      'cassettes/issues.json',
      'cassettes/repositories.json',
      'config.json',
      'golden/issues.json',
      'golden/repositories.json',
    ]);
    for (const file of await allFiles(fixtures)) {
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(liveUrl.replace('http://', ''));
    }
    expect(await loadConfig(fixtures)).toEqual({
      token: '***',
      repositories: ['acme/app', 'acme/lib'],
      baseUrl: ORIGIN_PLACEHOLDER,
    });
    const issues = await loadCassette(fixtures, 'issues');
    expect(issues.recordedWith).toEqual({ connector: '@ferry/connector-github', version: '0.1.0' });
    const [first] = issues.interactions;
    expect(first?.request).toMatchObject({
      method: 'GET',
      url: '/repos/acme/app/issues?state=all&sort=updated&direction=asc&per_page=100',
      headers: { authorization: 'Bearer ***', 'x-github-api-version': '2022-11-28' },
    });
    expect(first?.response.headers.link).toContain(`<${ORIGIN_PLACEHOLDER}/repos/acme/app/issues?`);
    expect(first?.response.json).toHaveLength(100);
    // the follow-up reads of the conformance suite: from the last state, and from the future
    const since = issues.interactions.map((i) =>
      new URL(i.request.url, 'http://x').searchParams.get('since'),
    );
    expect(since).toContain('2024-03-01T10:59:00Z');
    expect(since).toContain('9999-12-31T23:59:59Z');
    const golden = await loadGolden(fixtures, 'issues');
    expect(golden.records).toHaveLength(123);
    expect(golden.state).toMatchObject({
      partitions: { 'acme/app': { cursor: '2024-03-01T10:59:00Z' } },
    });
  });

  it('replays offline, with the API gone, to the golden records and state', async () => {
    const github = await openConnector(GITHUB);
    for (const stream of ['repositories', 'issues']) {
      const read = await replayRead(github, await loadConfig(fixtures), stream, [
        await loadCassette(fixtures, stream),
      ]);
      expect(read.error).toBeUndefined();
      expect(
        await compareWithGolden(stream, read, await loadGolden(fixtures, stream)),
      ).toBeUndefined();
    }
  });

  it('lets the replayed connector reach no host but the replay server', async () => {
    const cassette = await loadCassette(fixtures, 'issues');
    const tampered: Cassette = structuredClone(cassette);
    const link = tampered.interactions[0]?.response.headers;
    if (link?.link) link.link = link.link.split(ORIGIN_PLACEHOLDER).join(liveUrl);
    const read = await replayRead(
      await openConnector(GITHUB),
      await loadConfig(fixtures),
      'issues',
      [tampered],
    );
    expect(read.error).toMatch(
      /^FERRY_HTTP_HOST_NOT_ALLOWED: .* may not reach host "127\.0\.0\.1:\d+"/,
    );
  });

  it('fails a replay that dropped a field with a readable diff naming the field', async () => {
    const changed = await openConnector(await copyGitHub(dropTitle));
    const read = await replayRead(changed, await loadConfig(fixtures), 'issues', [
      await loadCassette(fixtures, 'issues'),
    ]);
    const message = await compareWithGolden('issues', read, await loadGolden(fixtures, 'issues'));
    expect(message).toContain("stream 'issues': the replayed read differs from golden/issues.json");
    expect(message).toContain('field(s) missing from the replayed records: title');
    expect(message).toContain('--- golden/issues.json\n+++ replay\n@@ ');
    expect(message).toContain('-    "title": "Issue 1",');
    expect(message).toMatch(/\.\.\. and \d+ more changed line\(s\)$/);
  });

  it('names the unmatched request and the closest recorded one when the cassette has no answer', async () => {
    const cassette = await loadCassette(fixtures, 'repositories');
    const config = { ...(await loadConfig(fixtures)), repositories: ['acme/app', 'acme/gone'] };
    const read = await replayRead(await openConnector(GITHUB), config, 'repositories', [cassette]);
    expect(read.error).toContain('599');
    expect(read.error).toContain(
      'ferry replay: no recorded answer for GET /repos/acme/gone; closest recorded: GET /repos/acme/app (differs in path /repos/acme/app)',
    );
  });
});

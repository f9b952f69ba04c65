import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeGitHub, makeIssues } from '../../../connectors/github/test/fake-github.ts';
import { installConnectors } from '../install/install.ts';
import { copyConnector, GITHUB_CONNECTOR } from '../install/test-fixtures.ts';
import { tempDir } from '../pipeline/test-fixtures.ts';
import { type OpenProject, openProject } from '../runner/open-project.ts';
import { startDaemon } from './daemon.ts';

let opened: OpenProject | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe('two versions of one connector in one daemon', () => {
  it('serves two connections pinned to different installed versions, each run with its own version', async () => {
    const api = await fakeGitHub('tok-side-by-side', { 'acme/app': makeIssues(5) });
    const dir = await tempDir('side-by-side-');
    // Version 0.2.0 tags every issue with the version that read it.
    const v2 = await copyConnector(GITHUB_CONNECTOR, {
      version: '0.2.0',
      into: await tempDir('v2-'),
    });
    const manifest = join(v2, 'connector.yaml');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace(
        '            repository: "{{ repository }}"',
        '            repository: "{{ repository }}"\n            read_by: "0.2.0"',
      ),
    );
    await installConnectors(dir, [GITHUB_CONNECTOR, v2, join(GITHUB_CONNECTOR, '../sqlite')]);
    const db = join(dir, 'out.db');
    const connection = (range: string) => ({
      connector: `@ferry/connector-github@${range}`,
      config: { token: '${env:SIDE_BY_SIDE_TOKEN}', repositories: ['acme/app'], baseUrl: api.url },
    });
    const recipe = (source: string, table: string) => ({
      source: { connection: source, stream: 'issues' },
      destination: { connection: table, stream: 'rows' },
      policies: { retries: { max: 0 } },
    });
    await writeFile(
      join(dir, 'ferry.yaml'),
      JSON.stringify({
        version: 1,
        connections: {
          old: connection('~0.1.0'),
          new: connection('^0.2.0'),
          t1: {
            connector: '@ferry/connector-sqlite@^0.1',
            config: { path: db, table: 'v1', key: 'id' },
          },
          t2: {
            connector: '@ferry/connector-sqlite@^0.1',
            config: { path: db, table: 'v2', key: 'id' },
          },
        },
        recipes: { 'issues-old': recipe('old', 't1'), 'issues-new': recipe('new', 't2') },
      }),
    );
    process.env.SIDE_BY_SIDE_TOKEN = 'tok-side-by-side';
    opened = await openProject({ projectFile: join(dir, 'ferry.yaml') });
    const daemon = await startDaemon({
      runner: opened.runner,
      store: opened.store,
      port: 0,
      ...(opened.pool ? { pool: opened.pool } : {}),
    });
    try {
      for (const id of ['issues-old', 'issues-new']) {
        const answer = await fetch(`${daemon.url}/api/recipes/${id}/run`, { method: 'POST' });
        expect(answer.status).toBe(202);
      }
      let runs: { recipe: string; status: string }[] = [];
      for (
        let i = 0;
        i < 300 && !(runs.length === 2 && runs.every((r) => r.status !== 'running'));
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
        runs = (
          (await (await fetch(`${daemon.url}/api/runs`)).json()) as {
            runs: { recipe: string; status: string }[];
          }
        ).runs;
      }
      expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    } finally {
      await daemon.close();
    }
    const out = new Database(db, { readonly: true });
    const v1 = out.prepare('SELECT * FROM v1').all() as Record<string, unknown>[];
    const v2rows = out.prepare('SELECT read_by FROM v2').all() as { read_by: string }[];
    out.close();
    expect(v1).toHaveLength(5);
    expect(v1.every((r) => !('read_by' in r))).toBe(true);
    expect(v2rows.map((r) => r.read_by)).toEqual(['0.2.0', '0.2.0', '0.2.0', '0.2.0', '0.2.0']);
  });
});

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeGitHub, makeIssues } from '../../../../connectors/github/test/fake-github.ts';
import { CHECKS } from './checks.ts';
import { runConformance } from './run.ts';

const connectors = fileURLToPath(new URL('../../../../connectors/', import.meta.url));
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('the conformance suite on the example connectors', () => {
  it('passes the GitHub connector against its fake API on every applicable check', async () => {
    const server = await fakeGitHub('ghp_conformance', {
      'acme/app': makeIssues(130),
      'acme/lib': makeIssues(4, Date.parse('2024-04-01T00:00:00Z')),
    });
    close = () => server.close();
    const outcomes = await runConformance({
      connector: join(connectors, 'github'),
      config: {
        token: 'ghp_conformance',
        repositories: ['acme/app', 'acme/lib'],
        baseUrl: server.url,
      },
    });
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(outcomes.map((o) => [o.check, o.stream, o.status])).toEqual([
      [CHECKS.manifest, undefined, 'passed'],
      [CHECKS.spec, undefined, 'passed'],
      [CHECKS.checkGood, undefined, 'passed'],
      [CHECKS.checkBad, undefined, 'passed'],
      [CHECKS.schemas, 'repositories', 'passed'],
      [CHECKS.schemas, 'issues', 'passed'],
      [CHECKS.records, 'repositories', 'passed'],
      [CHECKS.records, 'issues', 'passed'],
      [CHECKS.fullReads, 'repositories', 'passed'],
      [CHECKS.fullReads, 'issues', 'passed'],
      [CHECKS.incremental, 'repositories', 'not applicable'],
      [CHECKS.incremental, 'issues', 'passed'],
      [CHECKS.futureState, 'repositories', 'not applicable'],
      [CHECKS.futureState, 'issues', 'passed'],
      [CHECKS.writes, undefined, 'not applicable'],
    ]);
    // the partitioned state was resumed (one `since` per repository), and moved to the future
    const since = server.requests.map((r) => r.query.get('since')).filter(Boolean);
    expect(since).toContain('2024-03-01T11:09:00Z');
    expect(since).toContain('9999-12-31T23:59:59Z');
  });

  it('passes the SQLite connector, whose writes are keyed upserts', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'ferry-conformance-')), 'out.db');
    const outcomes = await runConformance({
      connector: join(connectors, 'sqlite'),
      config: { path, table: 'customers' },
      badConfig: { path: join(path, 'not-a-folder', 'x.db'), table: 'customers' },
      writeSamples: {
        rows: [
          { id: 1, name: 'Ada', tags: ['math'] },
          { id: 2, name: 'Grace', tags: null },
        ],
      },
    });
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(Object.fromEntries(outcomes.map((o) => [o.check, o.status]))).toEqual({
      [CHECKS.manifest]: 'passed',
      [CHECKS.spec]: 'passed',
      [CHECKS.checkGood]: 'passed',
      [CHECKS.checkBad]: 'passed',
      [CHECKS.schemas]: 'passed',
      // an empty table: no records yet, so the read checks pass vacuously or do not apply
      [CHECKS.records]: 'passed',
      [CHECKS.fullReads]: 'passed',
      [CHECKS.incremental]: 'not applicable',
      [CHECKS.futureState]: 'not applicable',
      [CHECKS.writes]: 'passed',
    });
  });
});

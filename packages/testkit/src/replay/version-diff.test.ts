import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyGitHub, dropTitle, GITHUB, recordGitHub } from './test-support.ts';
import { diffVersions } from './version-diff.ts';

let fixtures: string;
beforeAll(async () => {
  ({ fixtures } = await recordGitHub());
});

describe('diffVersions', () => {
  it('finds two equal versions equal', async () => {
    const diff = await diffVersions({ a: GITHUB, b: await copyGitHub(), fixtures });
    expect(diff.equal).toBe(true);
    expect(diff.streams.map((s) => [s.stream, s.counts, s.stateEqual])).toEqual([
      ['issues', { a: 123, b: 123 }, true],
      ['repositories', { a: 2, b: 2 }, true],
    ]);
  });

  it('reports a dropped field, a schema change, and the keys of records the new version lost', async () => {
    const b = await copyGitHub((manifest) =>
      dropTitle(manifest).replace(
        '      pagination:\n        type: link-header\n',
        '      pagination:\n        type: link-header\n      records:\n        filter: "{{ record.state = \'open\' }}"\n',
      ),
    );
    const schema = join(b, 'schemas', 'issues.json');
    const parsed = JSON.parse(await readFile(schema, 'utf8'));
    delete parsed.properties.title;
    parsed.properties.comments.type = ['integer', 'null'];
    await writeFile(schema, JSON.stringify(parsed));

    const diff = await diffVersions({ a: GITHUB, b, fixtures, volatile: ['comments'] });
    expect(diff.equal).toBe(false);
    const issues = diff.streams.find((s) => s.stream === 'issues');
    expect(issues?.schemaChanges).toEqual([
      "property 'title' removed",
      "property 'comments' type changed from integer to integer|null",
    ]);
    // b filters out closed issues (every third); the fake's two repositories share ids, so
    // 120 distinct keys in a, 80 in b
    expect(issues?.counts).toEqual({ a: 123, b: 82 });
    expect(issues?.missingKeys).toEqual({ a: 0, b: 40 });
    expect(issues?.changedRecords[0]).toEqual({ key: '[1000]', diff: 'only in a' });
    expect(issues?.changedRecords[1]).toEqual({
      key: '[1001]',
      diff: 'title: "Issue 2" -> (missing)',
    });
    expect(issues?.stateEqual).toBe(true);
    expect(diff.streams.find((s) => s.stream === 'repositories')?.changedRecords).toEqual([]);
  });

  it('names the replay failure of a version that sends requests the cassettes do not hold', async () => {
    const b = await copyGitHub((manifest) => manifest.replace('per_page: 100', 'per_page: 50'));
    const diff = await diffVersions({ a: GITHUB, b, fixtures });
    const issues = diff.streams.find((s) => s.stream === 'issues');
    expect(diff.equal).toBe(false);
    expect(issues?.errors?.b).toContain('no recorded answer for GET /repos/acme/app/issues?');
    expect(issues?.errors?.b).toContain('differs in query per_page');
  });
});
